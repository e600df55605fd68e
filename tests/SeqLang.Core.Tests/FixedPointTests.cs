using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using Xunit;

namespace SeqLang.Core.Tests;

public class FixedPointTests
{
    [Theory]
    [InlineData(1, 2, 0.5)]
    [InlineData(-3, 4, -0.75)]
    [InlineData(127, 1, 127.0)]
    public void Dyadic_rationals_convert_exactly(long numerator, long denominator, double expected) =>
        Assert.Equal(expected, FixedPoint.FromRational(new Rational(numerator, denominator)).ToDouble());

    [Fact]
    public void A_decimal_converts_to_the_nearest_representable_number()
    {
        var tenth = FixedPoint.FromRational(new Rational(1, 10));
        Assert.Equal(429496730L, tenth.Raw); // 2^32 / 10 = 429496729.6
        var minusTenth = FixedPoint.FromRational(new Rational(-1, 10));
        Assert.Equal(-429496730L, minusTenth.Raw);
    }

    [Theory]
    [InlineData("63.5", 64)]
    [InlineData("63.499", 63)]
    [InlineData("-0.5", 0)]
    [InlineData("-0.51", -1)]
    [InlineData("0", 0)]
    public void Rounding_takes_halves_upward(string value, long expected)
    {
        Assert.True(Rational.TryParseDecimal(value, out var exact));
        Assert.Equal(expected, FixedPoint.FromRational(exact).RoundHalfUp());
    }

    [Fact]
    public void Lerp_maps_zero_and_one_onto_the_ends_and_allows_a_falling_range()
    {
        var a = FixedPoint.FromInteger(120);
        var b = FixedPoint.FromInteger(60);
        Assert.Equal(a, FixedPoint.Lerp(a, b, FixedPoint.Zero));
        Assert.Equal(b, FixedPoint.Lerp(a, b, FixedPoint.One));
        Assert.Equal(FixedPoint.FromInteger(90), FixedPoint.Lerp(a, b, FixedPoint.Half));
    }

    [Fact]
    public void Products_round_toward_negative_infinity_and_overflow_throws()
    {
        var tiny = new FixedPoint(1);
        Assert.Equal(0L, (tiny * FixedPoint.Half).Raw);
        Assert.Equal(-1L, (-tiny * FixedPoint.Half).Raw);
        Assert.Throws<OverflowException>(() => FixedPoint.FromInteger(1L << 31) * FixedPoint.FromInteger(1L << 31));
    }
}
