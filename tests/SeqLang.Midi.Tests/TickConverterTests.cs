using SeqLang.Core.Time;

namespace SeqLang.Midi.Tests;

public class TickConverterTests
{
    [Theory]
    [InlineData(4, 4, 480, "1", 1920)]
    [InlineData(4, 4, 480, "1/3", 640)]      // a triplet grid lands exactly
    [InlineData(4, 4, 480, "2/3", 1280)]
    [InlineData(4, 4, 480, "1/5", 384)]      // quintuplets too: ppq 480 has 5 as a factor
    [InlineData(4, 4, 480, "1/7", 274)]      // 274.28...
    [InlineData(4, 4, 480, "2/7", 549)]      // 548.57...
    [InlineData(7, 8, 480, "1", 1680)]       // 7/8: a bar is 7/2 quarters
    [InlineData(6, 8, 480, "1/2", 720)]
    [InlineData(3, 2, 96, "1", 576)]         // 3/2: six quarters
    [InlineData(4, 4, 480, "1000001/3", 640000640)]
    public void ConvertsCyclesToTicks(int numerator, int denominator, int ppq, string cycles, long expected) =>
        Assert.Equal(expected, TickConverter.ForMeter(numerator, denominator, ppq).ToTick(Rational.Parse(cycles)));

    [Theory]
    [InlineData("1/3840", 1)]    // 0.5 ticks → 1
    [InlineData("3/3840", 2)]    // 1.5 → 2
    [InlineData("5/3840", 3)]    // 2.5 → 3 (banker's rounding would give 2)
    [InlineData("-1/3840", 0)]   // -0.5 → 0: half up, not away from zero
    [InlineData("-3/3840", -1)]  // -1.5 → -1
    [InlineData("-5/3840", -2)]  // -2.5 → -2
    [InlineData("-1/1920", -1)]
    [InlineData("-7/7680", -2)]  // -1.75 → -2
    public void RoundsHalfUpAlsoBelowZero(string cycles, long expected) =>
        Assert.Equal(expected, TickConverter.ForMeter(4, 4).ToTick(Rational.Parse(cycles)));

    [Fact]
    public void ATickPerCycleThatIsNotAnIntegerStillRoundsOnce()
    {
        // ppq 1 in 3/8: a bar is 3/2 ticks, so bar 1 is at 1.5 → 2 and bar 3 at 4.5 → 5;
        // rounding each bar's length first would put bar 3 at 6.
        var converter = TickConverter.ForMeter(3, 8, ppq: 1);
        Assert.Equal(new Rational(3, 2), converter.TicksPerCycle);
        Assert.Equal(2, converter.ToTick(1));
        Assert.Equal(5, converter.ToTick(3));
    }

    [Theory]
    [InlineData("1/2", 240)]
    [InlineData("1/960", 1)]    // exactly half a tick
    [InlineData("3", 1440)]
    public void ConvertsQuarters(string quarters, long expected) =>
        Assert.Equal(expected, TickConverter.ForMeter(4, 4).QuartersToTick(Rational.Parse(quarters)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(32768)]
    public void RejectsPpqOutsideTheHeadersRange(int ppq) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TickConverter.ForMeter(4, 4, ppq));

    /// <summary>
    /// The 64-bit paths against the plain rational formula, floor(cycles × ticks per cycle + 1/2), on random
    /// times of every size (both sides of the paths' bounds), signs, meters, PPQs and origins.
    /// </summary>
    [Fact]
    public void SixtyFourBitPathsAgreeWithTheRationalFormula()
    {
        var random = new Random(42);
        long Magnitude() => random.Next(6) switch
        {
            0 => random.Next(0, 8),
            1 => random.NextInt64(0, 100_000),
            2 => random.NextInt64(int.MaxValue - 3, (long)int.MaxValue + 3),
            3 => random.NextInt64(0, 1L << 40),
            4 => random.NextInt64((1L << 62) - 3, (1L << 62) + 3),
            _ => random.NextInt64(long.MaxValue / 2, long.MaxValue),
        };
        var meters = new[] { (4, 4), (3, 8), (7, 8), (5, 16), (13, 4), (3, 2), (9000, 1), (1, 64) };
        var ppqs = new[] { 1, 3, 96, 480, 960, 32767 };
        for (var i = 0; i < 200_000; i++)
        {
            var (numerator, denominator) = meters[random.Next(meters.Length)];
            var converter = TickConverter.ForMeter(numerator, denominator, ppqs[random.Next(ppqs.Length)]);
            var n = Magnitude() * (random.Next(2) == 0 ? 1 : -1);
            var d = Math.Max(1, random.Next(3) == 0 ? Magnitude() : random.Next(1, 1000));
            Rational time;
            try
            {
                time = new Rational(n, d);
            }
            catch (OverflowException)
            {
                continue;
            }
            var origin = random.Next(4) switch { 0 => 0, 1 => random.Next(0, 100), 2 => random.Next((1 << 24) - 2, (1 << 24) + 2), _ => random.NextInt64(0, 10_000_000) };

            Assert.Equal(Outcome(() => TickConverter.RoundHalfUp(time * converter.TicksPerCycle)), Outcome(() => converter.ToTick(time)));
            Assert.Equal(Outcome(() => TickConverter.RoundHalfUp((time - origin) * converter.TicksPerCycle)), Outcome(() => converter.ToTick(time, origin)));
        }

        // The tick, or the overflow the formula meets: both paths must agree on either.
        static string Outcome(Func<long> tick)
        {
            try
            {
                return tick().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return "overflow";
            }
        }
    }

    [Fact]
    public void DefaultsToPpq480() => Assert.Equal(480, TickConverter.ForMeter(4, 4).Ppq);
}
