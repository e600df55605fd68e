using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Patterns.Tests.Signals;

/// <summary>
/// The numbers that are not shapes: van der Corput's sequence, and the seeded random and perlin signals, which
/// must be pure functions of their inputs and, for random, uniform within binomial bounds.
/// </summary>
public sealed class SequenceTests
{
    private static readonly ulong Stream = SeededRandom.StreamFor(42, "lead.cc74");

    [Fact]
    public void Van_der_corput_gives_the_mirrored_binary_digits()
    {
        long[] sixteenths = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
        for (var k = 0; k < 16; k++)
            Assert.Equal(FixedPoint.FromRational(new Rational(sixteenths[k], 16)), SignalShapes.VanDerCorput(k));
        Assert.Equal(new FixedPoint(1), SignalShapes.VanDerCorput(1L << 31));
        Assert.Equal(SignalShapes.VanDerCorput(5), SignalShapes.VanDerCorput((1L << 32) + 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalShapes.VanDerCorput(-1));
    }

    [Fact]
    public void Random_is_the_top_of_the_seeded_hash_and_a_pure_function()
    {
        var t = new Rational(3, 16);
        Assert.Equal(new FixedPoint((long)(SeededRandom.Bits(Stream, 5, t) >> 32)), SignalShapes.Random(Stream, 5, t));
        Assert.Equal(SignalShapes.Random(Stream, 5, t), SignalShapes.Random(Stream, 5, new Rational(6, 32)));
        Assert.NotEqual(SignalShapes.Random(Stream, 5, t), SignalShapes.Random(Stream, 6, t));
        Assert.NotEqual(SignalShapes.Random(Stream, 5, t), SignalShapes.Random(Stream + 1, 5, t));
    }

    [Fact]
    public void Bits_is_the_hash_behind_At()
    {
        for (var k = 0; k < 1000; k++)
        {
            var t = new Rational(k, 7);
            Assert.Equal((SeededRandom.Bits(Stream, 9, t) >> 11) * (1.0 / (1UL << 53)), SeededRandom.At(Stream, 9, t));
        }
    }

    [Fact]
    public void Random_is_uniform_over_ten_buckets()
    {
        const int Draws = 10_000;
        const int Buckets = 10;
        var counts = new int[Buckets];
        for (var k = 0; k < Draws; k++)
        {
            var v = SignalShapes.Random(Stream, 1, new Rational(k, 16));
            Assert.True(v >= FixedPoint.Zero && v < FixedPoint.One);
            counts[(int)(v.Raw * Buckets >> 32)]++;
        }
        // Each bucket is binomial(10,000, 1/10): mean 1,000, σ = 30; 4σ bounds never fail by chance in practice.
        foreach (var count in counts) Assert.InRange(count, 1000 - 120, 1000 + 120);
        // Chi-square with 9 degrees of freedom: 27.9 is its 0.999 quantile.
        var chiSquare = counts.Sum(c => (c - 1000.0) * (c - 1000.0) / 1000.0);
        Assert.True(chiSquare < 27.9, $"chi-square {chiSquare:F1}");
    }

    [Fact]
    public void Perlin_equals_its_knots_at_whole_x_and_stays_between_them()
    {
        for (var k = -5; k < 50; k++)
        {
            var knot = SignalShapes.Random(Stream, 2, k);
            Assert.Equal(knot, SignalShapes.Perlin(Stream, 2, k));
            var next = SignalShapes.Random(Stream, 2, k + 1);
            for (var i = 1; i < 64; i++)
            {
                var v = SignalShapes.Perlin(Stream, 2, k + new Rational(i, 64));
                Assert.InRange(v.Raw, Math.Min(knot.Raw, next.Raw), Math.Max(knot.Raw, next.Raw));
            }
        }
    }

    [Fact]
    public void Perlin_is_continuous()
    {
        // Smootherstep's slope is at most 15/8, and knots differ by less than 1, so a step of 1/4096 moves
        // perlin by at most 15/8 / 4096 (plus rounding).
        var step = new Rational(1, 4096);
        var bound = 15.0 / 8 / 4096 + 1e-9;
        var previous = SignalShapes.Perlin(Stream, 3, Rational.Zero);
        for (var i = 1; i <= 4096 * 8; i++)
        {
            var v = SignalShapes.Perlin(Stream, 3, step * i);
            Assert.True(Math.Abs((v - previous).ToDouble()) <= bound, $"jump at {step * i}");
            previous = v;
        }
        // Across a knot from below: the limit is the knot.
        var justBelow = SignalShapes.Perlin(Stream, 3, new Rational(1_000_000 - 1, 1_000_000));
        Assert.True(Math.Abs((justBelow - SignalShapes.Random(Stream, 3, 1)).ToDouble()) < 1e-6);
    }
}
