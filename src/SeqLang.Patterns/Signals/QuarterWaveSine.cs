namespace SeqLang.Patterns.Signals;

/// <summary>
/// sin 2πx with integer arithmetic only, so the same turn gives the same bits on every platform (SPEC §12: no result
/// may depend on the platform's floating-point library). The turn is folded by quarter-wave symmetry onto an angle
/// θ in [0, π/4], where a Horner-form Taylor series of sin or cos with 62 fraction bits converges to below 2⁻⁶²
/// within nine terms; that leaves about 28 guard bits over the Q32 result, which comes out correctly rounded.
/// </summary>
internal static class QuarterWaveSine
{
    private const int Bits = 62;
    private const ulong One = 1UL << Bits;
    private const ulong Quarter = One;          // a quarter period in the turn's units after the quadrant is removed
    private const ulong Eighth = One >> 1;

    /// <summary>π/2 in Q62, rounded: π's hex expansion 3.243F6A8885A308D3... shifted left by 61 bits.</summary>
    private const ulong HalfPi = 0x6487ED5110B4611AUL;

    /// <summary>Terms of the series after the first: the first ones left out, (π/4)²⁰/20! and (π/4)²¹/21!, are below 2⁻⁶⁷.</summary>
    private const int Terms = 9;

    /// <summary>sin 2π(turns / 2⁶⁴) in Q62: exact (0, ±1) at the quarter points, within a few 2⁻⁶² elsewhere.</summary>
    public static long Sin(ulong turns)
    {
        var quadrant = (int)(turns >> Bits);
        var inQuadrant = turns & (One - 1);
        // Odd quadrants run the quarter wave backwards (from the peak down), so measure them from their end.
        var fromZero = (quadrant & 1) == 0 ? inQuadrant : Quarter - inQuadrant;
        var magnitude = fromZero <= Eighth
            ? (long)SinOfAngle(Angle(fromZero))
            : (long)CosOfAngle(Angle(Quarter - fromZero));
        return quadrant >= 2 ? -magnitude : magnitude;
    }

    /// <summary>(sin 2π(turns / 2⁶⁴) + 1) / 2 as a Q32 raw value, rounded to nearest: 0..2³².</summary>
    public static long Unipolar(ulong turns)
    {
        // (s + 1)/2 in Q32 is (s + 1) >> 31 from Q62; s + 1 reaches 2⁶³, past long's range, so the sum is formed
        // in ulong, where wrapping a negative s is exact. Adding 2³⁰ first rounds to nearest.
        const int Shift = Bits + 1 - 32;
        var shifted = unchecked((ulong)Sin(turns) + One + (1UL << (Shift - 1)));
        return (long)(shifted >> Shift);
    }

    /// <summary>θ = (π/2)·(fraction of a quarter period), Q62, for fractions up to one half (θ ≤ π/4).</summary>
    private static ulong Angle(ulong quarterFraction) => (ulong)(((UInt128)quarterFraction * HalfPi + (One >> 1)) >> Bits);

    /// <summary>1/((2k)(2k + 1)), k = 1..Terms, in Q62: sin's Horner factors, as multiplications (a division per term cost more than the rest).</summary>
    private static readonly ulong[] SinFactors = Factors(k => 2 * k * (2 * k + 1));

    /// <summary>1/((2k − 1)(2k)), k = 1..Terms, in Q62: cos's Horner factors.</summary>
    private static readonly ulong[] CosFactors = Factors(k => (2 * k - 1) * 2 * k);

    /// <summary>sin θ = θ(1 − θ²/(2·3)(1 − θ²/(4·5)(1 − ...))), each factor in [0, 1], so unsigned arithmetic suffices.</summary>
    private static ulong SinOfAngle(ulong theta) => Multiply(theta, Nested(Multiply(theta, theta), SinFactors));

    /// <summary>cos θ = 1 − θ²/(1·2)(1 − θ²/(3·4)(1 − ...)).</summary>
    private static ulong CosOfAngle(ulong theta) => Nested(Multiply(theta, theta), CosFactors);

    /// <summary>1 − z·f₁(1 − z·f₂(1 − ...)), innermost first; each step truncates by under 2⁻⁶¹.</summary>
    private static ulong Nested(ulong square, ulong[] factors)
    {
        var sum = One;
        for (var k = factors.Length - 1; k >= 0; k--)
            sum = One - Multiply(Multiply(square, sum), factors[k]);
        return sum;
    }

    /// <summary>The Q62 reciprocals of the divisors, rounded to nearest by integer division when the type loads.</summary>
    private static ulong[] Factors(Func<int, int> divisor)
    {
        var factors = new ulong[Terms];
        for (var k = 1; k <= Terms; k++)
        {
            var d = (ulong)divisor(k);
            factors[k - 1] = (One + d / 2) / d;
        }
        return factors;
    }

    private static ulong Multiply(ulong a, ulong b) => (ulong)(((UInt128)a * b) >> Bits);
}
