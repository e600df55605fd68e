using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Arithmetic on periods: a pattern has period P when shifting a query by P shifts its answer by P.
/// Null means unknown or none (randomness, patterned arguments). Periods feed the cycle cache
/// (<see cref="CachedPattern{T}"/>), so an unknown period only costs speed, never correctness.
/// </summary>
public static class Periods
{
    /// <summary>Periods past this are treated as none: caching them would cost memory for little gain.</summary>
    public const long Max = 1 << 20;

    /// <summary>The least common multiple of two periods (fractions: lcm of numerators over gcd of denominators).</summary>
    public static Rational? Lcm(Rational? a, Rational? b)
    {
        if (a is not { } x || b is not { } y) return null;
        var num = Lcm(Math.Abs(x.Numerator), Math.Abs(y.Numerator));
        if (num is not { } n || n > Max) return null;
        return new Rational(n, Gcd(x.Denominator, y.Denominator));
    }

    /// <summary>
    /// The least whole number of cycles that is a multiple of the period: what combinators that work cycle
    /// by cycle (compress, rev, struct) keep. For a period a/b (reduced) that is a.
    /// </summary>
    public static Rational? Whole(Rational? period) =>
        period is { } p && Math.Abs(p.Numerator) <= Max ? Rational.FromInteger(Math.Abs(p.Numerator)) : null;

    public static Rational? Times(Rational? period, long n)
    {
        if (period is not { } p || n <= 0) return null;
        var whole = Whole(p);
        if (whole is not { } w || w.Numerator > Max / n) return null;
        return Rational.FromInteger(w.Numerator * n);
    }

    /// <summary>The period of a pattern sped up by <paramref name="factor"/>.</summary>
    public static Rational? Divide(Rational? period, Rational factor)
    {
        if (period is not { } p || factor.IsZero) return null;
        try
        {
            var result = p / factor;
            return result.Sign < 0 ? -result : result;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long? Lcm(long a, long b)
    {
        if (a == 0 || b == 0) return null;
        var g = Gcd(a, b);
        var q = a / g;
        return q > long.MaxValue / b ? null : q * b;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
