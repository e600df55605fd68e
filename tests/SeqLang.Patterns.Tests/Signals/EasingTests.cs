using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Patterns.Tests.Signals;

/// <summary>SPEC §12's <c>ease</c> curves and perlin's smootherstep: exact endpoints, the formulas in between.</summary>
public sealed class EasingTests
{
    private static FixedPoint At(long numerator, long denominator) => FixedPoint.FromRational(new Rational(numerator, denominator));

    private static double Reference(Easing easing, double x) => easing switch
    {
        Easing.In => x * x,
        Easing.Out => 1 - (1 - x) * (1 - x),
        Easing.InOut => 3 * x * x - 2 * x * x * x,
        _ => x,
    };

    [Theory]
    [InlineData(Easing.None)]
    [InlineData(Easing.In)]
    [InlineData(Easing.Out)]
    [InlineData(Easing.InOut)]
    public void Every_easing_starts_at_0_ends_at_1_and_follows_its_formula(Easing easing)
    {
        Assert.Equal(FixedPoint.Zero, SignalShapes.Ease(FixedPoint.Zero, easing));
        Assert.Equal(FixedPoint.One, SignalShapes.Ease(FixedPoint.One, easing));
        var previous = FixedPoint.Zero;
        for (var k = 0; k <= 4096; k++)
        {
            var x = At(k, 4096);
            var eased = SignalShapes.Ease(x, easing);
            Assert.True(Math.Abs(eased.ToDouble() - Reference(easing, x.ToDouble())) <= 1.0 / (1L << 33), $"{easing}({x}) = {eased}");
            Assert.True(eased >= previous, $"{easing} falls at {x}");
            previous = eased;
        }
    }

    [Fact]
    public void The_easings_meet_at_their_known_midpoints()
    {
        Assert.Equal(At(1, 4), SignalShapes.Ease(FixedPoint.Half, Easing.In));
        Assert.Equal(At(3, 4), SignalShapes.Ease(FixedPoint.Half, Easing.Out));
        Assert.Equal(FixedPoint.Half, SignalShapes.Ease(FixedPoint.Half, Easing.InOut));
        Assert.Equal(FixedPoint.Half, SignalShapes.Smootherstep(FixedPoint.Half));
    }

    [Fact]
    public void Bent_curves_clamp_outside_zero_to_one_and_none_leaves_x_alone()
    {
        var below = FixedPoint.FromInteger(-2);
        var above = FixedPoint.FromInteger(3);
        foreach (var easing in new[] { Easing.In, Easing.Out, Easing.InOut })
        {
            Assert.Equal(FixedPoint.Zero, SignalShapes.Ease(below, easing));
            Assert.Equal(FixedPoint.One, SignalShapes.Ease(above, easing));
        }
        Assert.Equal(above, SignalShapes.Ease(above, Easing.None));
        Assert.Equal(FixedPoint.Zero, SignalShapes.Smootherstep(below));
        Assert.Equal(FixedPoint.One, SignalShapes.Smootherstep(above));
    }

    [Fact]
    public void Smootherstep_follows_its_formula_and_rises()
    {
        Assert.Equal(FixedPoint.Zero, SignalShapes.Smootherstep(FixedPoint.Zero));
        Assert.Equal(FixedPoint.One, SignalShapes.Smootherstep(FixedPoint.One));
        var previous = FixedPoint.Zero;
        for (var k = 0; k <= 10_000; k++)
        {
            var x = At(k, 10_000);
            var d = x.ToDouble();
            var expected = 6 * Math.Pow(d, 5) - 15 * Math.Pow(d, 4) + 10 * Math.Pow(d, 3);
            var value = SignalShapes.Smootherstep(x);
            Assert.True(Math.Abs(value.ToDouble() - expected) <= 1.0 / (1L << 32), $"smootherstep({x}) = {value}, want {expected}");
            Assert.True(value >= previous);
            previous = value;
        }
    }
}
