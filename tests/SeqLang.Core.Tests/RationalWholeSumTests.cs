using SeqLang.Core.Time;

namespace SeqLang.Core.Tests;

/// <summary>
/// The no-gcd path of + and - when one side is a whole number must agree with the general path
/// (computed here through a common denominator) and keep results reduced.
/// </summary>
public sealed class RationalWholeSumTests
{
    public static TheoryData<long, long, long> Cases() => new()
    {
        { 3, 16, 5 }, { -3, 16, 5 }, { 3, 16, -5 }, { 7, 3, 0 }, { 0, 1, 9 }, { 1, 2, -1 },
        { 5, 1, 7 }, { -11, 12, 1_000_000_007 }, { long.MaxValue / 3, 7, -2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adding_and_subtracting_a_whole_number_matches_the_general_sum(long num, long den, long k)
    {
        var r = new Rational(num, den);
        Rational whole = k;
        Assert.Equal(new Rational(checked(r.Numerator + k * r.Denominator), r.Denominator), r + whole);
        Assert.Equal(new Rational(checked(r.Numerator + k * r.Denominator), r.Denominator), whole + r);
        Assert.Equal(new Rational(checked(r.Numerator - k * r.Denominator), r.Denominator), r - whole);
        Assert.Equal(new Rational(checked(k * r.Denominator - r.Numerator), r.Denominator), whole - r);
    }

    [Fact]
    public void Overflow_still_throws()
    {
        Assert.Throws<OverflowException>(() => new Rational(long.MaxValue, 2) + Rational.FromInteger(long.MaxValue));
        Assert.Throws<OverflowException>(() => Rational.FromInteger(long.MinValue) - Rational.One);
        Assert.Equal(Rational.FromInteger(long.MinValue + 1), Rational.FromInteger(long.MinValue) + Rational.One);
    }
}
