using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Patterns.Signals;

public static partial class SignalShapes
{
    /// <summary>
    /// A number uniform in [0, 1): the top 32 bits of <see cref="SeededRandom.Bits"/>, so it is a pure function of
    /// stream, salt and exact time, like <c>?</c> and <c>prob</c>.
    /// </summary>
    public static FixedPoint Random(ulong stream, ulong salt, Rational t) => new((long)(SeededRandom.Bits(stream, salt, t) >> 32));

    /// <summary>
    /// Strudel's perlin noise: at whole x the knot <c>Random(stream, salt, ⌊x⌋)</c>, between knots a smootherstep
    /// from one to the next, so the curve is continuous and flat at every knot.
    /// </summary>
    public static FixedPoint Perlin(ulong stream, ulong salt, Rational x)
    {
        var whole = x.Floor();
        var from = Random(stream, salt, whole);
        var to = Random(stream, salt, whole + 1);
        PeriodFraction.Of(x, out var remainder, out var denominator);
        var progress = Smootherstep(new FixedPoint(PeriodFraction.RoundQ32(remainder, denominator)));
        return FixedPoint.Lerp(from, to, progress);
    }
}
