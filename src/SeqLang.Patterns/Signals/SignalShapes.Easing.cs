using SeqLang.Core.Numbers;

namespace SeqLang.Patterns.Signals;

public static partial class SignalShapes
{
    /// <summary>
    /// <paramref name="x"/> bent by <paramref name="easing"/>: in x², out 1 − (1 − x)², inout 3x² − 2x³ (smoothstep),
    /// None x itself. The curves are defined on [0, 1], so for the three bent ones x is clamped there first; each is
    /// formed exactly in 128 bits and rounded to nearest.
    /// </summary>
    public static FixedPoint Ease(FixedPoint x, Easing easing)
    {
        if (easing == Easing.None) return x;
        Int128 u = Clamp01(x);
        return easing switch
        {
            Easing.In => new FixedPoint((long)((u * u + (OneRaw >> 1)) >> 32)),
            // 1 − (1 − x)² = x(2 − x), which keeps the product exact.
            Easing.Out => new FixedPoint((long)((u * (2 * OneRaw - u) + (OneRaw >> 1)) >> 32)),
            // 3x² − 2x³ = x²(3 − 2x): a Q64 square times a Q32 factor is Q96, at most 2⁶⁶, well inside Int128.
            Easing.InOut => new FixedPoint((long)((u * u * (3 * OneRaw - 2 * u) + ((Int128)1 << 63)) >> 64)),
            _ => throw new ArgumentOutOfRangeException(nameof(easing), easing, "Unknown easing."),
        };
    }

    /// <summary>
    /// 6x⁵ − 15x⁴ + 10x³ (perlin's curve between knots), x clamped to [0, 1]. Formed as x·x·x·(6x² − 15x + 10), each
    /// product truncated to Q64 (the exact Q160 value would not fit in 128 bits), then rounded to nearest Q32: exact
    /// at 0, 1/2 and 1, within 2⁻⁶³ of the true curve before that last rounding.
    /// </summary>
    public static FixedPoint Smootherstep(FixedPoint x)
    {
        Int128 u = Clamp01(x);
        var polynomial = u * (6 * u - 15 * OneRaw) + ((Int128)10 << 64);   // Q64: 6x² − 15x + 10, in [1, 10]
        var timesX = u * polynomial >> 32;                                  // Q64, at most about 2 (at x ≈ 0.46)
        var timesXSquared = u * timesX >> 32;                               // Q64
        return new FixedPoint((long)((u * timesXSquared + ((Int128)1 << 63)) >> 64));
    }

    private static long Clamp01(FixedPoint x) => Math.Clamp(x.Raw, 0, OneRaw);
}
