using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>rand [A..B]</c>, uniform; <c>irand N</c>, a whole number 0..N−1. A pure function of the lane's stream, the
/// value's place in the lane (its salt) and the time, as <c>?</c> and <c>prob</c> are.
/// </summary>
internal sealed class RandomSignal : ValueExpression
{
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;
    private readonly ulong _salt;
    private readonly long? _whole;

    public RandomSignal(FixedPoint from, FixedPoint to, ulong salt, long? whole = null)
    {
        _from = from;
        _to = to;
        _salt = salt;
        _whole = whole;
    }

    public override FixedPoint At(in ValueContext context)
    {
        var r = SignalShapes.Random(context.Stream, _salt, context.DrawTime);
        if (_whole is { } n) return FixedPoint.FromInteger((r * FixedPoint.FromInteger(n)).Floor());
        return FixedPoint.Lerp(_from, _to, r);
    }

    public override Rational? Period => null;
    public override FixedPoint Min => _whole is not null ? FixedPoint.Zero : _from <= _to ? _from : _to;
    public override FixedPoint Max => _whole is { } n ? FixedPoint.FromInteger(n - 1) : _from <= _to ? _to : _from;
}
