using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Moves a pattern later by a constant number of cycles (negative: earlier).</summary>
internal sealed class ShiftPattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Rational _by;

    public ShiftPattern(Pattern<T> source, Rational by)
    {
        _source = source;
        _by = by;
    }

    public override Rational? Period => _source.Period;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var start = output.Count;
        _source.QueryInto(Time.Shift(arc, -_by), context, output);
        for (var i = start; i < output.Count; i++) output[i] = Time.ShiftHap(output[i], _by);
    }
}
