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

    [Fact]
    public void DefaultsToPpq480() => Assert.Equal(480, TickConverter.ForMeter(4, 4).Ppq);
}
