using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Flattens a pattern of patterns by fitting one whole cycle of each inner pattern into its outer event
/// (Strudel's <c>squeezeJoin</c>, used by <c>ply</c> and mini-notation's <c>..</c>). The inner pattern is
/// focused on the outer event (its cycle <c>floor(begin)</c> stretched over the event), queried over the
/// outer part, and wholes and parts are intersected with the outer ones.
/// </summary>
internal sealed class SqueezeJoinPattern<T> : Pattern<T>
{
    private readonly Pattern<Pattern<T>> _outer;

    public SqueezeJoinPattern(Pattern<Pattern<T>> outer) => _outer = outer;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var outers = ListPool<Hap<Pattern<T>>>.Rent();
        var inners = ListPool<Hap<T>>.Rent();
        try
        {
            _outer.QueryInto(arc, context, outers);
            foreach (var outer in outers)
            {
                if (outer.Whole is not { } whole) continue;
                // focus(b, e) = early(sam b).fast(1 / (e - b)).late(b)
                var focused = outer.Value.Early(whole.Begin.Sam()).Fast(Rational.One / whole.Duration).Late(whole.Begin);
                inners.Clear();
                focused.QueryInto(outer.Part, context, inners);
                foreach (var inner in inners)
                {
                    Arc? newWhole = null;
                    if (inner.Whole is { } innerWhole)
                    {
                        newWhole = Time.Intersect(innerWhole, whole);
                        if (newWhole is null) continue;
                    }
                    if (Time.Intersect(inner.Part, outer.Part) is not { } part) continue;
                    output.Add(new Hap<T>(newWhole, part, inner.Value));
                }
            }
        }
        finally
        {
            ListPool<Hap<Pattern<T>>>.Return(outers);
            ListPool<Hap<T>>.Return(inners);
        }
    }
}

/// <summary>
/// Flattens a pattern of patterns keeping wholes where outer and inner events overlap (Strudel's <c>join</c>
/// / <c>bind</c>): each inner pattern is queried over its outer event's part.
/// </summary>
internal sealed class JoinPattern<T> : Pattern<T>
{
    private readonly Pattern<Pattern<T>> _outer;

    public JoinPattern(Pattern<Pattern<T>> outer) => _outer = outer;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var outers = ListPool<Hap<Pattern<T>>>.Rent();
        try
        {
            _outer.QueryInto(arc, context, outers);
            foreach (var outer in outers)
            {
                var start = output.Count;
                outer.Value.QueryInto(outer.Part, context, output);
                var kept = start;
                for (var i = start; i < output.Count; i++)
                {
                    var inner = output[i];
                    Arc? whole = null;
                    if (outer.Whole is { } a && inner.Whole is { } b)
                    {
                        whole = Time.Intersect(a, b);
                        if (whole is null) continue;
                    }
                    output[kept++] = new Hap<T>(whole, inner.Part, inner.Value);
                }
                output.RemoveRange(kept, output.Count - kept);
            }
        }
        finally
        {
            ListPool<Hap<Pattern<T>>>.Return(outers);
        }
    }
}
