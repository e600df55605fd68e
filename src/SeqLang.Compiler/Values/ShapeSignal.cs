using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary><c>sine cosine saw isaw tri square [A..B] [over LENGTH] [phase F]</c>: Strudel's shapes, mapped onto A..B.</summary>
internal sealed class ShapeSignal : ValueExpression
{
    private readonly SignalShape _shape;
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;
    private readonly SignalLength _length;
    private readonly Rational _phase;

    public ShapeSignal(SignalShape shape, FixedPoint from, FixedPoint to, SignalLength length, Rational phase)
    {
        _shape = shape;
        _from = from;
        _to = to;
        _length = length;
        _phase = phase;
    }

    public override FixedPoint At(in ValueContext context) =>
        FixedPoint.Lerp(_from, _to, SignalShapes.Of(_shape, _length.Periods(context) + _phase));

    public override Rational? Period => _length.Period;
    public override FixedPoint Min => _from <= _to ? _from : _to;
    public override FixedPoint Max => _from <= _to ? _to : _from;
}
