using SeqLang.Core.Time;

namespace SeqLang.Patterns.Signals;

/// <summary>
/// Where a time lies inside its period, x mod 1, kept exact as remainder / denominator (floor modulo, so negative x
/// count back from the period's end), and the integer roundings the shapes need from it.
/// </summary>
internal static class PeriodFraction
{
    /// <summary>x mod 1 = <paramref name="remainder"/> / <paramref name="denominator"/>, with 0 ≤ remainder &lt; denominator.</summary>
    public static void Of(Rational x, out long remainder, out long denominator)
    {
        denominator = x.Denominator;
        remainder = x.Numerator % denominator;
        if (remainder < 0) remainder += denominator;
    }

    /// <summary>
    /// The fraction as turns, in units of 2⁻⁶⁴ of a period, rounded to nearest (a fraction within 2⁻⁶⁵ of a whole
    /// period wraps to 0). Dyadic fractions such as 1/4 or 3/32 come out exact, so quarter points stay exact.
    /// </summary>
    public static ulong Turns(long remainder, long denominator)
    {
        if (remainder == 0) return 0;
        // Steps such as 1/16 or 1/32 have power-of-two denominators: a shift, no 128-bit division, per event.
        if ((denominator & (denominator - 1)) == 0)
            return (ulong)remainder << (64 - System.Numerics.BitOperations.Log2((ulong)denominator));
        var scaled = ((UInt128)(ulong)remainder << 64) + (ulong)(denominator / 2);
        return unchecked((ulong)(scaled / (ulong)denominator));
    }

    /// <summary>numerator / denominator as a Q32 raw value, rounded to nearest, halves upward (denominator &gt; 0).</summary>
    public static long RoundQ32(Int128 numerator, long denominator)
    {
        // Power-of-two denominators (the common steps) round by a shift; 128-bit division is done in software.
        if (numerator >= 0 && (denominator & (denominator - 1)) == 0)
        {
            var bits = System.Numerics.BitOperations.Log2((ulong)denominator);
            return bits <= 32
                ? checked((long)(numerator << (32 - bits)))
                : checked((long)((numerator + ((Int128)1 << (bits - 33))) >> (bits - 32)));
        }
        var scaled = (numerator << 32) * 2 + denominator;
        var twice = (Int128)denominator * 2;
        var quotient = scaled / twice;
        if (scaled % twice != 0 && scaled < 0) quotient--;
        return checked((long)quotient);
    }
}
