using SeqLang.Core.Time;

namespace SeqLang.Core.Tests;

public class RationalTests
{
    [Theory]
    [InlineData(2, 4, "1/2")]
    [InlineData(-2, 4, "-1/2")]
    [InlineData(2, -4, "-1/2")]
    [InlineData(0, -7, "0")]
    [InlineData(6, 3, "2")]
    public void Normalises(long n, long d, string expected) => Assert.Equal(expected, new Rational(n, d).ToString());

    [Theory]
    [InlineData("120", "120")]
    [InlineData("0.9", "9/10")]
    [InlineData("-3", "-3")]
    [InlineData(".5", "1/2")]
    [InlineData("1e3", "1000")]
    [InlineData("-2.25", "-9/4")]
    [InlineData("1.5e-1", "3/20")]
    public void ParsesDecimalsExactly(string text, string expected)
    {
        Assert.True(Rational.TryParseDecimal(text, out var r));
        Assert.Equal(expected, r.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("99999999999999999999999999")]
    public void RejectsBadDecimals(string text) => Assert.False(Rational.TryParseDecimal(text, out _));

    [Theory]
    [InlineData("7/2", 3, 4)]
    [InlineData("-1/3", -1, 0)]
    [InlineData("2", 2, 2)]
    [InlineData("-2", -2, -2)]
    public void FloorAndCeiling(string r, long floor, long ceiling)
    {
        Assert.Equal(floor, Rational.Parse(r).Floor());
        Assert.Equal(ceiling, Rational.Parse(r).Ceiling());
    }

    [Fact]
    public void ProductsReduceBeforeNarrowing()
    {
        var big = new Rational(long.MaxValue / 3, 7);
        Assert.Equal(new Rational(long.MaxValue / 3, 1), big * 7);
        Assert.Throws<OverflowException>(() => new Rational(long.MaxValue, 1) + 1);
    }

    // Laws over a deterministic sample of small fractions: field axioms and order.
    public static IEnumerable<object[]> Triples()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            yield return new object[]
            {
                new Rational(random.Next(-50, 50), random.Next(1, 30)),
                new Rational(random.Next(-50, 50), random.Next(1, 30)),
                new Rational(random.Next(-50, 50), random.Next(1, 30)),
            };
        }
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public void FieldLaws(Rational a, Rational b, Rational c)
    {
        Assert.Equal(a + b, b + a);
        Assert.Equal(a * b, b * a);
        Assert.Equal((a + b) + c, a + (b + c));
        Assert.Equal((a * b) * c, a * (b * c));
        Assert.Equal(a * (b + c), a * b + a * c);
        Assert.Equal(a, a + Rational.Zero);
        Assert.Equal(a, a * Rational.One);
        Assert.Equal(Rational.Zero, a - a);
        if (!b.IsZero) Assert.Equal(a, a / b * b);
        Assert.Equal(a < b, b > a);
        Assert.Equal(a.CompareTo(b), -b.CompareTo(a));
        Assert.Equal(Math.Sign(a.ToDouble() - b.ToDouble()), a.CompareTo(b));
        Assert.True(a.Sam() <= a && a < a.NextSam());
        Assert.Equal(a, a.Sam() + a.CyclePos());
        Assert.Equal(a, Rational.Parse(a.ToString()));
    }
}
