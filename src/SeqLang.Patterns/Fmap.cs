using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Maps every value, keeping the structure (Strudel's <c>fmap</c>).</summary>
internal sealed class SelectPattern<TIn, TOut> : Pattern<TOut>
{
    private readonly Pattern<TIn> _source;
    private readonly Func<TIn, TOut> _map;

    public SelectPattern(Pattern<TIn> source, Func<TIn, TOut> map)
    {
        _source = source;
        _map = map;
    }

    public override Rational? Period => _source.Period;

    public override bool TrySampleAt(Rational time, out TOut value)
    {
        if (_source.TrySampleAt(time, out var sampled))
        {
            value = _map(sampled);
            return true;
        }
        value = default!;
        return false;
    }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<TOut>> output)
    {
        var haps = ListPool<Hap<TIn>>.Rent();
        try
        {
            _source.QueryInto(arc, context, haps);
            foreach (var hap in haps) output.Add(new Hap<TOut>(hap.Whole, hap.Part, _map(hap.Value)));
        }
        finally
        {
            ListPool<Hap<TIn>>.Return(haps);
        }
    }
}

/// <summary>Keeps the events whose value passes a test (Strudel's <c>filterValues</c>).</summary>
internal sealed class WherePattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Func<T, bool> _keep;

    public WherePattern(Pattern<T> source, Func<T, bool> keep)
    {
        _source = source;
        _keep = keep;
    }

    public override Rational? Period => _source.Period;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var start = output.Count;
        _source.QueryInto(arc, context, output);
        var kept = start;
        for (var i = start; i < output.Count; i++)
        {
            if (_keep(output[i].Value)) output[kept++] = output[i];
        }
        output.RemoveRange(kept, output.Count - kept);
    }
}
