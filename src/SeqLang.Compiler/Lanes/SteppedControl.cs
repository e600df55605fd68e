using SeqLang.Compiler.Values;
using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// A control lane whose value is not a mini string (SPEC §13): read every <see cref="Step"/> bars from bar 0, sent
/// only when its rounded value differs from the step before.
/// </summary>
public sealed class SteppedControl
{
    private readonly LaneKind _kind;
    private readonly int _bendRange;

    internal SteppedControl(ValueExpression value, Rational step, LaneKind kind, int bendRange, ulong stream, int channel)
    {
        Channel = channel;
        Value = value;
        Step = step;
        _kind = kind;
        _bendRange = bendRange;
        Stream = stream;
    }

    internal ValueExpression Value { get; }
    public Rational Step { get; }
    internal ulong Stream { get; }

    /// <summary>The MIDI channel (0..15): the track's, or the lane's <c>chan</c>.</summary>
    public int Channel { get; }

    /// <summary>The message value at <paramref name="context"/>: 0..127, or the 14-bit wheel position of a bend.</summary>
    internal int Read(in ValueContext context)
    {
        var value = Value.At(context);
        return _kind == LaneKind.Bend ? BendWheel(value, _bendRange) : (int)Math.Clamp(value.RoundHalfUp(), 0, 127);
    }

    /// <summary>SPEC §13: 8192 + round(8192 · v / R), halves upward, clamped to 0..16383.</summary>
    public static int BendWheel(FixedPoint semitones, int range)
    {
        var numerator = (Int128)semitones.Raw * 8192 * 2 + ((Int128)range << FixedPoint.FractionBits);
        var denominator = (Int128)range << (FixedPoint.FractionBits + 1);
        var quotient = numerator / denominator;
        if (numerator % denominator != 0 && numerator < 0) quotient--;
        return (int)Int128.Clamp(8192 + quotient, 0, 16383);
    }
}
