using SeqLang.Compiler.Control;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>value = Min + (Max − Min) × raw / rawMax, rounded (docs/live-control.md, "Values").</summary>
public class KnobValueTests
{
    private static Rational D(string decimalText) => Rational.TryParseDecimal(decimalText, out var r) ? r : throw new FormatException(decimalText);

    [Theory]
    [InlineData(0, "60")]
    [InlineData(127, "180")]
    [InlineData(64, "120.472")]   // 60 + 120 × 64/127 = 120.47244...
    [InlineData(1, "60.945")]     // 60.94488...
    public void TempoSweepsItsRangeLinearly(int raw, string bpm)
    {
        Assert.Equal(D(bpm), new TempoAction(60, 180).ValueAt(raw, 127));
    }

    [Fact]
    public void FourteenBitSourcesUseTheirWholeResolution()
    {
        var tempo = new TempoAction(60, 180);
        Assert.Equal(D("180"), tempo.ValueAt(16383, 16383));
        Assert.Equal(D("60.007"), tempo.ValueAt(1, 16383)); // 60.00732...
        Assert.Equal(D("120.004"), tempo.ValueAt(8192, 16383)); // 120.00366...
    }

    [Fact]
    public void AReversedRangeInvertsTheKnob()
    {
        var inverted = new TempoAction(180, 60);
        Assert.Equal(D("180"), inverted.ValueAt(0, 127));
        Assert.Equal(D("60"), inverted.ValueAt(127, 127));
    }

    [Theory]
    [InlineData(0, -12)]
    [InlineData(127, 12)]
    [InlineData(63, 0)]   // -12 + 24 × 63/127 = -0.094
    [InlineData(64, 0)]   // +0.094
    [InlineData(3, -11)]  // -11.433 rounds to -11
    [InlineData(124, 11)] // 11.433
    public void IntegerModifiersRoundHalfAwayFromZero(int raw, int semitones)
    {
        var transpose = new LaneModifierAction(0, 0, "b.play", "transpose", -12, 12, IsInteger: true);
        Assert.Equal((Rational)semitones, transpose.ValueAt(raw, 127));
    }

    [Fact]
    public void HalvesRoundAwayFromZeroOnBothSides()
    {
        // -1..1 over 0..4 (a 4-step input for the test): -1, -0.5, 0, 0.5, 1 → -1, -1, 0, 1, 1.
        var knob = new LaneModifierAction(0, 0, "b.play", "transpose", -1, 1, IsInteger: true);
        Assert.Equal(new Rational[] { -1, -1, 0, 1, 1 }, Enumerable.Range(0, 5).Select(r => knob.ValueAt(r, 4)));
    }

    [Fact]
    public void RawValuesOutsideTheRangeAreClamped()
    {
        var tempo = new TempoAction(60, 180);
        Assert.Equal(D("60"), tempo.ValueAt(-5, 127));
        Assert.Equal(D("180"), tempo.ValueAt(200, 127));
    }

    [Fact]
    public void MappingValueOfUsesItsSourcesResolution()
    {
        var fine = new ControlMapping(new NrpnSource(0, 32, null), new TempoAction(60, 180), "", default);
        var coarse = new ControlMapping(new CcSource(74, null), new TempoAction(60, 180), "", default);
        Assert.Equal(D("180"), fine.ValueOf(16383));
        Assert.Equal(D("180"), coarse.ValueOf(127));
        var toggle = new ControlMapping(new NoteSource(36, null), new MuteAction(0, null, "d"), "", default);
        Assert.Throws<InvalidOperationException>(() => toggle.ValueOf(1));
    }

    [Theory]
    [InlineData(100, 127, 100)]
    [InlineData(100, 40, 31)]   // 31.496 → 31
    [InlineData(127, 1, 1)]
    [InlineData(1, 1, 1)]       // 0.0079 clamps up to 1
    [InlineData(127, 64, 64)]
    [InlineData(80, 80, 50)]    // 50.393 → 50
    public void VelocityScaleIsVelocityTimesXOver127(int velocity, int x, int sent)
    {
        Assert.Equal(sent, LaneVelocityAction.Scale(velocity, x));
    }
}
