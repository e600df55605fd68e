using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary><c>ramp A..B over LENGTH [ease E]</c>: A at the start of each period, towards B at its end.</summary>
internal sealed class RampSignal : ValueExpression
{
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;
    private readonly SignalLength _length;
    private readonly Easing _easing;

    public RampSignal(FixedPoint from, FixedPoint to, SignalLength length, Easing easing)
    {
        _from = from;
        _to = to;
        _length = length;
        _easing = easing;
    }

    public override FixedPoint At(in ValueContext context)
    {
        var periods = _length.Periods(context);
        var within = FixedPoint.FromRational(periods - periods.Floor());
        return FixedPoint.Lerp(_from, _to, SignalShapes.Ease(within, _easing));
    }

    public override Rational? Period => _length.Period;
    public override FixedPoint Min => _from <= _to ? _from : _to;
    public override FixedPoint Max => _from <= _to ? _to : _from;
}
