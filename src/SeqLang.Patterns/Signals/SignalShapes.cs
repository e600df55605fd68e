using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Patterns.Signals;

/// <summary>
/// The exact math of SPEC §12's signals: shapes, easings, van der Corput numbers, seeded noise. Every result is a
/// pure function of its inputs computed with integer arithmetic, so a file renders to the same bytes everywhere;
/// nothing here allocates, because a long render evaluates these once per event.
/// </summary>
public static partial class SignalShapes
{
    private const long OneRaw = 1L << FixedPoint.FractionBits;
    private const ulong QuarterTurn = 1UL << 62;

    /// <summary>
    /// The unipolar value (0..1) of <paramref name="shape"/> at <paramref name="x"/> periods; x may be negative or
    /// past 1, only x mod 1 (floor modulo) matters. Strudel 1.2's definitions: sine = (sin 2πx + 1)/2, cosine = sine
    /// a quarter period earlier, saw = x mod 1, isaw = 1 − saw, tri rises 0→1 over the first half and falls back
    /// over the second, square = 0 then 1. Results are rounded to the nearest Q32 value, so saw just below a whole
    /// period may round to 1.
    /// </summary>
    public static FixedPoint Of(SignalShape shape, Rational x)
    {
        PeriodFraction.Of(x, out var remainder, out var denominator);
        return shape switch
        {
            SignalShape.Sine => new FixedPoint(QuarterWaveSine.Unipolar(PeriodFraction.Turns(remainder, denominator))),
            // Adding a quarter turn in wrapping ulong arithmetic is "a quarter period earlier", mod 1, bit for bit.
            SignalShape.Cosine => new FixedPoint(QuarterWaveSine.Unipolar(unchecked(PeriodFraction.Turns(remainder, denominator) + QuarterTurn))),
            SignalShape.Saw => Saw(remainder, denominator),
            SignalShape.ISaw => FixedPoint.One - Saw(remainder, denominator),
            SignalShape.Tri => Tri(remainder, denominator),
            SignalShape.Square => 2 * (Int128)remainder < denominator ? FixedPoint.Zero : FixedPoint.One,
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown signal shape."),
        };
    }

    private static FixedPoint Saw(long remainder, long denominator) => new(PeriodFraction.RoundQ32(remainder, denominator));

    /// <summary>2f on the first half, 2 − 2f on the second; at f = 1/2 exactly, 1 (Strudel's isaw half starts there).</summary>
    private static FixedPoint Tri(long remainder, long denominator)
    {
        var twice = 2 * (Int128)remainder;
        return new FixedPoint(PeriodFraction.RoundQ32(twice < denominator ? twice : 2 * (Int128)denominator - twice, denominator));
    }
}
