using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Applies a transformation in cycles where cycle mod N = the phase, 0 by default (Strudel's <c>every</c>/<c>firstOf</c>;
/// phase N − 1 is <c>lastOf</c>): the transformed pattern is queried in place, not shifted, so <c>every 4 rev</c>
/// reverses bars 0, 4, 8...
/// </summary>
internal sealed class EveryPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Pattern<T> _transformed;
    private readonly long _n;
    private readonly long _phase;

    public EveryPattern(Pattern<T> source, Pattern<T> transformed, long n, long phase = 0)
    {
        _source = source;
        _transformed = transformed;
        _n = n;
        _phase = phase;
        Period = Periods.Lcm(Periods.Lcm(Periods.Whole(source.Period), Periods.Whole(transformed.Period)), n);
    }

    public override Rational? Period { get; }

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output) =>
        (Time.Mod(cycle, _n) == _phase ? _transformed : _source).QueryInto(piece, context, output);
}
