using System.Numerics;
using SeqLang.Core.Time;

namespace SeqLang.Core.Tests;

/// <summary>
/// Rationals are reduced with 64-bit division when the terms fit and with Int128 otherwise: both must give the
/// lowest terms that BigInteger arithmetic gives, for small, large and mixed-sign terms.
/// </summary>
public sealed class RationalReductionTests
{
    [Fact]
    public void Sums_products_and_quotients_are_in_lowest_terms_as_BigInteger_computes_them()
    {
        var random = new Random(20261207);
        long[] scales = [16, 1_000, 1L << 31, 1L << 40, long.MaxValue / 4];
        for (var k = 0; k < 20_000; k++)
        {
            var a = Make(random, scales[k % scales.Length]);
            var b = Make(random, scales[(k / 5) % scales.Length]);
            Check(Big(a) + Big(b), () => a + b);
            Check(Big(a) - Big(b), () => a - b);
            Check(Big(a) * Big(b), () => a * b);
            if (!b.IsZero) Check(Big(a) / Big(b), () => a / b);
        }
    }

    private static Rational Make(Random random, long scale)
    {
        var denominator = random.NextInt64(1, Math.Min(scale, 1L << 31));
        return new Rational(random.NextInt64(-scale, scale), denominator);
    }

    private readonly record struct BigFraction(BigInteger N, BigInteger D)
    {
        public static BigFraction operator +(BigFraction x, BigFraction y) => new(x.N * y.D + y.N * x.D, x.D * y.D);
        public static BigFraction operator -(BigFraction x, BigFraction y) => new(x.N * y.D - y.N * x.D, x.D * y.D);
        public static BigFraction operator *(BigFraction x, BigFraction y) => new(x.N * y.N, x.D * y.D);
        public static BigFraction operator /(BigFraction x, BigFraction y) => new(x.N * y.D, x.D * y.N);
    }

    private static BigFraction Big(Rational r) => new(r.Numerator, r.Denominator);

    private static void Check(BigFraction expected, Func<Rational> actual)
    {
        var sign = expected.D.Sign;
        var g = BigInteger.GreatestCommonDivisor(expected.N, expected.D);
        var n = expected.N / g * sign;
        var d = expected.D / g * sign;
        if (n < long.MinValue || n > long.MaxValue || d > long.MaxValue)
        {
            Assert.Throws<OverflowException>(() => actual());
            return;
        }
        var r = actual();
        Assert.Equal((long)n, r.Numerator);
        Assert.Equal((long)d, r.Denominator);
    }
}
