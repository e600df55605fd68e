using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Plays each cycle of the source <c>n</c> times before moving on (Strudel's <c>repeatCycles</c>).
/// Mini-notation <c>x!n</c> is <c>x.repeatCycles(n).fast(n)</c>, which is why <c>&lt;a b&gt;!2</c> gives
/// <c>a a</c> then <c>b b</c>: replication does not advance alternations.
/// </summary>
internal sealed class RepeatCyclesPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Rational _times;

    public RepeatCyclesPattern(Pattern<T> source, Rational times)
    {
        _source = source;
        _times = times;
        Period = times.IsInteger && times.Sign > 0 ? Periods.Times(source.Period, times.Numerator) : null;
    }

    public override Rational? Period { get; }

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output)
    {
        var sourceCycle = (Rational.FromInteger(cycle) / _times).Floor();
        var delta = Rational.FromInteger(cycle - sourceCycle);
        if (delta.IsZero)
        {
            _source.QueryInto(piece, context, output);
            return;
        }
        var start = output.Count;
        _source.QueryInto(Time.Shift(piece, -delta), context, output);
        for (var i = start; i < output.Count; i++) output[i] = Time.ShiftHap(output[i], delta);
    }
}
