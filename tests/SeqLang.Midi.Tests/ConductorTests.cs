using SeqLang.Core.Time;

namespace SeqLang.Midi.Tests;

public class ConductorTests
{
    [Theory]
    [InlineData("C", false, 0)]
    [InlineData("G", false, 1)]
    [InlineData("F", false, -1)]
    [InlineData("Bb", false, -2)]
    [InlineData("E", true, 1)]       // E minor: one sharp
    [InlineData("A", true, 0)]
    [InlineData("D", true, -1)]
    [InlineData("F#", false, 6)]     // F# and Gb major both exist: the written spelling wins
    [InlineData("Gb", false, -6)]
    [InlineData("C#", false, 7)]
    [InlineData("Cb", false, -7)]
    [InlineData("Eb", true, -6)]
    [InlineData("G#", true, 5)]
    [InlineData("A#", true, 7)]
    [InlineData("D#", false, -3)]    // 9 sharps cannot be written: Eb major
    [InlineData("G#", false, -4)]    // Ab major
    [InlineData("A#", false, -2)]    // Bb major
    [InlineData("Db", true, 4)]      // 8 flats: C# minor
    [InlineData("Gb", true, 3)]      // F# minor
    [InlineData("Fb", false, 4)]     // E major
    [InlineData("B#", false, 0)]     // C major
    [InlineData("bb", true, -5)]     // Bb minor; the letter's case does not matter
    public void ComputesSharpsOrFlatsFromTheTonic(string tonic, bool minor, int expected)
    {
        var signature = MidiKeySignature.FromTonic(tonic, minor);
        Assert.Equal(expected, signature.SharpsOrFlats);
        Assert.Equal(minor, signature.IsMinor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("H")]
    [InlineData("C##")]
    [InlineData("Cx")]
    [InlineData("#")]
    public void RejectsWhatIsNotATonic(string tonic)
    {
        Assert.False(MidiKeySignature.TryFromTonic(tonic, false, out _));
        Assert.Throws<ArgumentException>(() => MidiKeySignature.FromTonic(tonic, false));
    }

    [Theory]
    [InlineData(4, 4, 2, 24)]
    [InlineData(3, 4, 2, 24)]
    [InlineData(2, 2, 1, 24)]    // a half-note click is too sparse: quarters
    [InlineData(6, 8, 3, 12)]    // eighths
    [InlineData(7, 8, 3, 12)]
    [InlineData(7, 16, 4, 6)]
    [InlineData(5, 32, 5, 3)]
    [InlineData(9, 64, 6, 1)]    // 1.5 clocks cannot be written
    public void DerivesTimeSignatureBytes(int numerator, int denominator, int power, int clocks)
    {
        var signature = new MidiTimeSignature(numerator, denominator);
        Assert.Equal(power, signature.DenominatorPower);
        Assert.Equal(clocks, signature.ClocksPerClick);
        Assert.Equal(8, signature.ThirtySecondsPerQuarter);
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(4, 0)]
    [InlineData(0, 4)]
    [InlineData(256, 4)]
    public void RejectsTimeSignaturesMidiCannotHold(int numerator, int denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MidiTimeSignature(numerator, denominator));

    [Theory]
    [InlineData("120", 500000)]
    [InlineData("60", 1000000)]
    [InlineData("90", 666667)]        // 666,666.67
    [InlineData("140", 428571)]       // 428,571.43
    [InlineData("999", 60060)]        // 60,060.06
    [InlineData("20", 3000000)]
    [InlineData("267/2", 449438)]     // 133.5 bpm: 449,438.20
    [InlineData("120000000/1000001", 500001)]   // exactly 500,000.5 → up
    [InlineData("120000000/1000003", 500002)]   // exactly 500,001.5 → up
    public void ConvertsBpmToMicrosecondsPerQuarterRoundingHalfUp(string bpm, int expected) =>
        Assert.Equal(expected, new TempoChange(0, Rational.Parse(bpm)).MicrosecondsPerQuarter);

    [Theory]
    [InlineData("0")]
    [InlineData("-120")]
    [InlineData("3")]    // 20,000,000 µs does not fit in 24 bits
    public void RejectsTemposMidiCannotHold(string bpm) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoChange(0, Rational.Parse(bpm)));

    [Fact]
    public void KeepsTheTempoMapInTickOrderAndReplacesAtTheSameTick()
    {
        var conductor = new ConductorTrack("t", new MidiTimeSignature(4, 4), null, 120);
        conductor.SetTempo(960, 140).SetTempo(480, 130).SetTempo(0, 100);
        Assert.Equal(new long[] { 0, 480, 960 }, conductor.Tempos.Select(t => t.Tick));
        Assert.Equal(new Rational[] { 100, 130, 140 }, conductor.Tempos.Select(t => t.BeatsPerMinute));
        Assert.Equal(960, conductor.LastTick);
    }
}
