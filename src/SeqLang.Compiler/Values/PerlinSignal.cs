using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary><c>perlin [A..B] [over LENGTH]</c>: smooth noise through seeded random knots at whole periods.</summary>
internal sealed class PerlinSignal : ValueExpression
{
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;
    private readonly SignalLength _length;
    private readonly ulong _salt;

    public PerlinSignal(FixedPoint from, FixedPoint to, SignalLength length, ulong salt)
    {
        _from = from;
        _to = to;
        _length = length;
        _salt = salt;
    }

    public override FixedPoint At(in ValueContext context) =>
        FixedPoint.Lerp(_from, _to, SignalShapes.Perlin(context.Stream, _salt, _length.Periods(context with { Time = context.DrawTime })));

    public override Rational? Period => null;
    public override FixedPoint Min => _from <= _to ? _from : _to;
    public override FixedPoint Max => _from <= _to ? _to : _from;
}
