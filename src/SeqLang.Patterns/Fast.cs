using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Speeds a pattern up by a constant positive factor (mini-notation <c>*</c>, <c>/</c>).</summary>
internal sealed class FastPattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Rational _factor;
    private readonly Rational _inverse;

    public FastPattern(Pattern<T> source, Rational factor)
    {
        _source = source;
        _factor = factor;
        _inverse = Rational.One / factor;
        Period = Periods.Divide(source.Period, factor);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var start = output.Count;
        _source.QueryInto(Time.Scale(arc, _factor), context, output);
        for (var i = start; i < output.Count; i++) output[i] = Time.ScaleHap(output[i], _inverse);
    }
}
