using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Music;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>Chord values and names: which keys read in flats, and how generated chords are named.</summary>
public class ChordSpellingTests
{
    private static int[] Mode(string name) => Scales.TryGet(name, out var steps) ? steps : throw new ArgumentException(name);

    [Theory]
    [InlineData("F", "major")]
    [InlineData("Bb", "major")]
    [InlineData("Eb", "major")]
    [InlineData("Ab", "major")]
    [InlineData("Db", "major")]
    [InlineData("Gb", "major")]
    [InlineData("D", "minor")]
    [InlineData("G", "minor")]
    [InlineData("C", "minor")]
    [InlineData("F", "minor")]
    [InlineData("Bb", "minor")]
    [InlineData("Eb", "minor")]
    [InlineData("bb", "aeolian")]
    [InlineData("C", "aeolian")]
    [InlineData("G", "dorian")]
    [InlineData("F", "locrian")]
    [InlineData("Ab", "minor")]
    [InlineData("D", "harmonic_minor")]
    public void KeysOnTheFlatSideReadInFlats(string tonicText, string mode)
    {
        var tonic = PitchClass.ParseTonic(tonicText)!.Value;
        Assert.Equal(NoteSpelling.Flats, KeySpelling.For(tonicText, tonic, Mode(mode)));
    }

    [Theory]
    [InlineData("C", "major")]
    [InlineData("G", "major")]
    [InlineData("D", "major")]
    [InlineData("A", "major")]
    [InlineData("E", "major")]
    [InlineData("B", "major")]
    [InlineData("F#", "major")]
    [InlineData("A", "minor")]
    [InlineData("E", "minor")]
    [InlineData("B", "minor")]
    [InlineData("F#", "minor")]
    [InlineData("C#", "minor")]
    [InlineData("D", "dorian")]
    [InlineData("G", "mixolydian")]
    [InlineData("F", "lydian")]
    [InlineData("B", "lydian")]
    [InlineData("E", "phrygian")]
    [InlineData("Fs", "major")]
    [InlineData("A", "harmonic_minor")]
    [InlineData("C", "whole_tone")]
    public void KeysOnTheSharpSideReadInSharps(string tonicText, string mode)
    {
        var tonic = PitchClass.ParseTonic(tonicText)!.Value;
        Assert.Equal(NoteSpelling.Sharps, KeySpelling.For(tonicText, tonic, Mode(mode)));
    }

    [Theory]
    [InlineData(4, "m7", NoteSpelling.Sharps, null, "Em7")]
    [InlineData(6, "m7b5", NoteSpelling.Sharps, null, "F#m7b5")]
    [InlineData(6, "m7b5", NoteSpelling.Flats, null, "Gbm7b5")]
    [InlineData(10, "maj7", NoteSpelling.Flats, null, "Bbmaj7")]
    [InlineData(10, "maj7", NoteSpelling.Sharps, null, "A#maj7")]
    [InlineData(0, "maj", NoteSpelling.Sharps, 4, "C/E")]
    [InlineData(8, "", NoteSpelling.Flats, 0, "Ab/C")]
    [InlineData(1, "dim7", NoteSpelling.Sharps, null, "C#dim7")]
    public void GeneratedChordsAreNamedInTheirSpelling(int root, string quality, NoteSpelling spelling, int? bass, string name)
    {
        var chord = Chord.Spelled(root, quality, spelling, bass);
        Assert.Equal(name, chord.Name);
        Assert.Equal(name, chord.ToString());
    }

    [Fact]
    public void ChordsAreEqualWhenTheySoundTheSameWhateverTheirSpelling()
    {
        Assert.Equal(Chord.Spelled(1, "m", NoteSpelling.Sharps), Chord.Spelled(1, "m", NoteSpelling.Flats));
        Assert.Equal(Chord.Spelled(0, "", NoteSpelling.Sharps), Chord.Spelled(0, "maj", NoteSpelling.Sharps));
        Assert.NotEqual(Chord.Spelled(0, "maj", NoteSpelling.Sharps), Chord.Spelled(0, "maj", NoteSpelling.Sharps, 4));
        Assert.NotEqual(Chord.Spelled(0, "maj", NoteSpelling.Sharps), Chord.Spelled(0, "m", NoteSpelling.Sharps));
    }

    [Fact]
    public void PitchClassesWrapAndIncludeTheBassOnce()
    {
        Assert.Equal(new[] { 7, 11, 2, 5 }, Chord.Spelled(7, "7", NoteSpelling.Sharps).PitchClasses);
        Assert.Equal(new[] { 4, 0, 7 }, Chord.Spelled(0, "maj", NoteSpelling.Sharps, 4).PitchClasses);
    }

    [Fact]
    public void AChordCannotChangeTheSharedQualityTable()
    {
        var chord = Chord.Spelled(0, "maj7", NoteSpelling.Sharps);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)chord.Intervals)[1] = 3);
        ChordQuality.TryGet("maj7", out var table);
        Assert.Equal(new[] { 0, 4, 7, 11 }, table);
    }

    [Fact]
    public void BadArgumentsAreBugsAndThrow()
    {
        Assert.Throws<ArgumentException>(() => new Chord(0, "maj8", null, "C?"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Chord(12, "maj", null, "C"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Chord(0, "maj", -1, "C"));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeySpelling.Name(12, NoteSpelling.Sharps));
    }
}
