using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Patterns.Tests.Signals;

/// <summary>
/// SPEC §12's shapes: exact at their special points, unipolar, periodic for any x (negative too), bound by the
/// symmetry laws bit for bit, and within 2⁻³⁰ of the floating-point formulas everywhere else. Doubles appear only
/// here, as the yardstick: they never decide a bit of a result.
/// </summary>
public sealed class ShapeTests
{
    private const double Tolerance = 1.0 / (1L << 30);

    private static FixedPoint Of(SignalShape shape, long numerator, long denominator) => SignalShapes.Of(shape, new Rational(numerator, denominator));

    public static TheoryData<SignalShape> AllShapes() => new(Enum.GetValues<SignalShape>());

    /// <summary>Points of many kinds: dyadic steps, thirds and sevenths, huge denominators, negatives, whole periods far out.</summary>
    private static IEnumerable<Rational> SamplePoints()
    {
        for (var k = -64; k <= 128; k++) yield return new Rational(k, 32);
        for (var k = -30; k <= 30; k++) yield return new Rational(k, 3);
        for (var k = 0; k < 1000; k++) yield return new Rational(k, 997);
        for (var k = 0; k < 1000; k++) yield return new Rational(k * 7919L + 1, 1_000_003);
        var state = 0x1234_5678_9ABC_DEF0UL;
        for (var i = 0; i < 3000; i++)
        {
            state = SeededRandom.Mix(state);
            var denominator = (long)(state >> 34) + 1;                // up to 2³⁰
            var numerator = (long)(SeededRandom.Mix(state) >> 20) - (1L << 43);
            yield return new Rational(numerator, denominator);
        }
    }

    /// <summary>Denominators at long's limit, where a sum of rationals would overflow: for the value tests only.</summary>
    private static IEnumerable<Rational> ExtremePoints() =>
    [
        new Rational(long.MaxValue - 1, long.MaxValue),   // just below a whole period: saw rounds to 1, sine to 1/2
        new Rational(1, long.MaxValue),
        new Rational(-1, long.MaxValue),
        new Rational(long.MaxValue / 4, long.MaxValue),
        new Rational(long.MinValue + 1, 3),
    ];

    private static double Reference(SignalShape shape, Rational x)
    {
        // x mod 1 in exact rationals first, so the yardstick does not lose the fraction of a large x.
        var f = (x - x.Sam()).ToDouble();
        return shape switch
        {
            SignalShape.Sine => (Math.Sin(2 * Math.PI * f) + 1) / 2,
            SignalShape.Cosine => (Math.Cos(2 * Math.PI * f) + 1) / 2,
            SignalShape.Saw => f,
            SignalShape.ISaw => 1 - f,
            SignalShape.Tri => f < 0.5 ? 2 * f : 2 - 2 * f,
            _ => f < 0.5 ? 0 : 1,
        };
    }

    [Fact]
    public void Sine_and_cosine_are_exact_at_the_quarter_points()
    {
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Sine, 0, 1));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Sine, 1, 4));
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Sine, 1, 2));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Sine, 3, 4));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Cosine, 0, 1));
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Cosine, 1, 4));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Cosine, 1, 2));
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Cosine, 3, 4));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Sine, 5, 4));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Sine, -1, 4));
    }

    [Fact]
    public void Saw_isaw_tri_and_square_are_exact_where_their_formulas_are()
    {
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Saw, 0, 1));
        Assert.Equal(new FixedPoint(1L << 30), Of(SignalShape.Saw, 1, 4));
        Assert.Equal(FixedPoint.One, Of(SignalShape.ISaw, 0, 1));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Tri, 0, 1));
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Tri, 1, 4));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Tri, 1, 2));
        Assert.Equal(FixedPoint.Half, Of(SignalShape.Tri, 3, 4));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Square, 0, 1));
        Assert.Equal(FixedPoint.Zero, Of(SignalShape.Square, 499, 1000));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Square, 1, 2));
        Assert.Equal(FixedPoint.One, Of(SignalShape.Square, 999, 1000));
        Assert.Equal(FixedPoint.FromRational(new Rational(1, 3)), Of(SignalShape.Saw, 1, 3));
        Assert.Equal(FixedPoint.FromRational(new Rational(2, 3)), Of(SignalShape.Tri, 1, 3));
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Every_shape_stays_within_zero_and_one(SignalShape shape)
    {
        foreach (var x in SamplePoints().Concat(ExtremePoints()))
        {
            var v = SignalShapes.Of(shape, x);
            Assert.True(v >= FixedPoint.Zero && v <= FixedPoint.One, $"{shape}({x}) = {v}");
        }
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Every_shape_repeats_each_period_and_reads_negative_x_modulo_one(SignalShape shape)
    {
        foreach (var x in SamplePoints().Take(2000))
        {
            var v = SignalShapes.Of(shape, x);
            Assert.Equal(v, SignalShapes.Of(shape, x + 1));
            Assert.Equal(v, SignalShapes.Of(shape, x - 3));
            Assert.Equal(v, SignalShapes.Of(shape, x + 1000));
        }
        Assert.Equal(Of(shape, 3, 4), Of(shape, -1, 4));
        Assert.Equal(Of(shape, 1, 8), Of(shape, -15, 8));
    }

    [Fact]
    public void The_symmetry_laws_hold_bit_for_bit()
    {
        var quarter = new Rational(1, 4);
        foreach (var x in SamplePoints())
        {
            Assert.Equal(SignalShapes.Of(SignalShape.Sine, x + quarter), SignalShapes.Of(SignalShape.Cosine, x));
            Assert.Equal(FixedPoint.One - SignalShapes.Of(SignalShape.Saw, x), SignalShapes.Of(SignalShape.ISaw, x));
            Assert.Equal(SignalShapes.Of(SignalShape.Tri, x), SignalShapes.Of(SignalShape.Tri, 1 - x));
            // The second half of the sine mirrors the first: sine(x + 1/2) = 1 − sine(x), up to the last bit's rounding.
            var sum = SignalShapes.Of(SignalShape.Sine, x).Raw + SignalShapes.Of(SignalShape.Sine, x + Rational.Half).Raw;
            Assert.InRange(sum, FixedPoint.One.Raw - 1, FixedPoint.One.Raw + 1);
        }
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Every_shape_is_within_two_to_the_minus_30_of_its_formula(SignalShape shape)
    {
        var worst = 0.0;
        var at = Rational.Zero;
        var count = 0;
        foreach (var x in SamplePoints().Concat(ExtremePoints()))
        {
            // Square jumps at 1/2: a double cannot tell which side a point a hair away lies on.
            if (shape == SignalShape.Square && Math.Abs((x - x.Sam()).ToDouble() - 0.5) < 1e-12) continue;
            var error = Math.Abs(SignalShapes.Of(shape, x).ToDouble() - Reference(shape, x));
            if (error > worst) (worst, at) = (error, x);
            count++;
        }
        Assert.True(count > 5000);
        Assert.True(worst < Tolerance, $"{shape}: error {worst:E3} (2^{Math.Log2(worst):F1}) at x = {at}");
    }

    [Fact]
    public void Sine_rounds_to_the_nearest_q32_value_on_a_dense_grid()
    {
        // Every point of a 2¹⁶ grid: the result is the Q32 value nearest the true sine, to within the yardstick's
        // own error (a double's sin is within about 2⁻⁵³ of the truth), i.e. at most half a Q32 step plus a hair.
        const int GridBits = 16;
        var worst = 0.0;
        for (long k = 0; k < 1L << GridBits; k++)
        {
            var x = new Rational(k, 1L << GridBits);
            var error = Math.Abs(SignalShapes.Of(SignalShape.Sine, x).Raw - Reference(SignalShape.Sine, x) * (1L << 32));
            worst = Math.Max(worst, error);
        }
        Assert.True(worst <= 0.5 + 1e-3, $"worst error {worst} Q32 steps");
    }
}
