using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Music;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>Lead-sheet chord symbols (SPEC §4 <c>chords</c>): roots, every quality spelling, slash basses, errors and where they point.</summary>
public class ChordSymbolParserTests
{
    private static Chord Parse(string text)
    {
        Assert.True(ChordSymbolParser.TryParse(text, out var chord, out var error), error);
        return chord;
    }

    // Written out by hand from the brief and lead-sheet practice, not read from LeadSheetQualities, so a
    // wrong entry in the table is caught rather than copied.
    [Theory]
    [InlineData("C", "maj", new[] { 0, 4, 7 }, "C")]
    [InlineData("Cmaj", "maj", new[] { 0, 4, 7 }, "C")]
    [InlineData("Cm", "m", new[] { 0, 3, 7 }, "Cm")]
    [InlineData("Cmin", "m", new[] { 0, 3, 7 }, "Cm")]
    [InlineData("C-", "m", new[] { 0, 3, 7 }, "Cm")]
    [InlineData("C7", "7", new[] { 0, 4, 7, 10 }, "C7")]
    [InlineData("Cmaj7", "maj7", new[] { 0, 4, 7, 11 }, "Cmaj7")]
    [InlineData("CM7", "maj7", new[] { 0, 4, 7, 11 }, "Cmaj7")]
    [InlineData("CΔ", "maj7", new[] { 0, 4, 7, 11 }, "Cmaj7")]
    [InlineData("CΔ7", "maj7", new[] { 0, 4, 7, 11 }, "Cmaj7")]
    [InlineData("Cm7", "m7", new[] { 0, 3, 7, 10 }, "Cm7")]
    [InlineData("Cmin7", "m7", new[] { 0, 3, 7, 10 }, "Cm7")]
    [InlineData("C-7", "m7", new[] { 0, 3, 7, 10 }, "Cm7")]
    [InlineData("Cdim", "dim", new[] { 0, 3, 6 }, "Cdim")]
    [InlineData("C°", "dim", new[] { 0, 3, 6 }, "Cdim")]
    [InlineData("Cdim7", "dim7", new[] { 0, 3, 6, 9 }, "Cdim7")]
    [InlineData("C°7", "dim7", new[] { 0, 3, 6, 9 }, "Cdim7")]
    [InlineData("Caug", "aug", new[] { 0, 4, 8 }, "Caug")]
    [InlineData("C+", "aug", new[] { 0, 4, 8 }, "Caug")]
    [InlineData("Csus2", "sus2", new[] { 0, 2, 7 }, "Csus2")]
    [InlineData("Csus4", "sus4", new[] { 0, 5, 7 }, "Csus4")]
    [InlineData("Csus", "sus4", new[] { 0, 5, 7 }, "Csus4")]
    [InlineData("C6", "6", new[] { 0, 4, 7, 9 }, "C6")]
    [InlineData("Cm6", "m6", new[] { 0, 3, 7, 9 }, "Cm6")]
    [InlineData("C9", "9", new[] { 0, 4, 7, 10, 14 }, "C9")]
    [InlineData("Cmaj9", "maj9", new[] { 0, 4, 7, 11, 14 }, "Cmaj9")]
    [InlineData("Cm9", "m9", new[] { 0, 3, 7, 10, 14 }, "Cm9")]
    [InlineData("Cadd9", "add9", new[] { 0, 4, 7, 14 }, "Cadd9")]
    [InlineData("Cm7b5", "m7b5", new[] { 0, 3, 6, 10 }, "Cm7b5")]
    [InlineData("Cø", "m7b5", new[] { 0, 3, 6, 10 }, "Cm7b5")]
    [InlineData("Cø7", "m7b5", new[] { 0, 3, 6, 10 }, "Cm7b5")]
    [InlineData("C7sus4", "7sus4", new[] { 0, 5, 7, 10 }, "C7sus4")]
    [InlineData("C11", "11", new[] { 0, 4, 7, 10, 14, 17 }, "C11")]
    [InlineData("C13", "13", new[] { 0, 4, 7, 10, 14, 17, 21 }, "C13")]
    public void EveryQualitySpelling(string text, string quality, int[] intervals, string name)
    {
        var chord = Parse(text);
        Assert.Equal(0, chord.Root);
        Assert.Equal(quality, chord.Quality);
        Assert.Equal(intervals, chord.Intervals);
        Assert.Null(chord.Bass);
        Assert.Equal(name, chord.Name);
    }

    [Fact]
    public void EverySpellingInTheTableParsesAndEveryQualityOfSection3CanBeWritten()
    {
        foreach (var (spelling, quality) in LeadSheetQualities.All)
            Assert.Equal(quality, Parse("G" + spelling).Quality);
        var reachable = LeadSheetQualities.All.Select(p => p.Quality).ToHashSet();
        Assert.All(ChordQuality.Names, q => Assert.Contains(q, reachable));
    }

    [Theory]
    [InlineData("Am", 9, "Am")]
    [InlineData("G7", 7, "G7")]
    [InlineData("F#m7b5", 6, "F#m7b5")]
    [InlineData("Bbmaj7", 10, "Bbmaj7")]
    [InlineData("Dsus4", 2, "Dsus4")]
    [InlineData("Ebm", 3, "Ebm")]
    [InlineData("C#7", 1, "C#7")]
    [InlineData("Cb", 11, "Cb")]
    [InlineData("B#", 0, "B#")]
    [InlineData("bb7", 10, "Bb7")]
    [InlineData("f#m", 6, "F#m")]
    [InlineData("e", 4, "E")]
    [InlineData("b", 11, "B")]
    public void RootsInEitherCaseWithOneAccidental(string text, int root, string name)
    {
        var chord = Parse(text);
        Assert.Equal(root, chord.Root);
        Assert.Equal(name, chord.Name);
    }

    [Fact]
    public void SIsNoSharpInAChordSymbolSoSusIsAQuality()
    {
        var chord = Parse("Csus2");
        Assert.Equal(0, chord.Root);
        Assert.Equal("sus2", chord.Quality);
    }

    [Theory]
    [InlineData("C/E", 0, 4, "C/E")]
    [InlineData("F/Bb", 5, 10, "F/Bb")]
    [InlineData("Am7/g", 9, 7, "Am7/G")]
    [InlineData("D/F#", 2, 6, "D/F#")]
    [InlineData("Bb-7/Eb", 10, 3, "Bbm7/Eb")]
    public void SlashChordsCarryTheirBass(string text, int root, int bass, string name)
    {
        var chord = Parse(text);
        Assert.Equal(root, chord.Root);
        Assert.Equal(bass, chord.Bass);
        Assert.Equal(name, chord.Name);
        Assert.Equal(bass, chord.PitchClasses[0]);
    }

    [Theory]
    [InlineData("", "SEQ0620", 0, 0)]
    [InlineData("H7", "SEQ0620", 0, 1)]
    [InlineData("7", "SEQ0620", 0, 1)]
    [InlineData("Cmaj8", "SEQ0621", 1, 4)]
    [InlineData("F#xyz", "SEQ0621", 2, 3)]
    [InlineData("Bbm7b6/D", "SEQ0621", 2, 4)]
    [InlineData("C/", "SEQ0622", 1, 1)]
    [InlineData("C/H", "SEQ0622", 2, 1)]
    [InlineData("C/Eb7", "SEQ0622", 2, 3)]
    [InlineData("Am/", "SEQ0622", 2, 1)]
    public void ErrorsSayWhichPartIsWrong(string text, string code, int offset, int length)
    {
        Assert.False(ChordSymbolParser.TryParseWithLocation(text, out var chord, out var error));
        Assert.Null(chord);
        Assert.Equal(code, error.Descriptor.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(length, error.Length);
        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData("Cmja7", "unknown chord quality 'mja7' in 'Cmja7'; did you mean 'maj7'?")]
    [InlineData("Cmaj8", "unknown chord quality 'maj8' in 'Cmaj8'; did you mean 'maj'?")]
    [InlineData("Am7b6", "unknown chord quality 'm7b6' in 'Am7b6'; did you mean 'm7b5'?")]
    [InlineData("Dsuss4", "unknown chord quality 'suss4' in 'Dsuss4'; did you mean 'sus4'?")]
    [InlineData("Cxyz", "unknown chord quality 'xyz' in 'Cxyz'")]
    [InlineData("H", "'H' is not a chord symbol: it starts with a root letter A to G, e.g. 'Am7', 'F#m7b5' or 'Bbmaj7'")]
    [InlineData("C/X", "'C/X' needs a bass note after '/': a letter A to G with an optional # or b, e.g. 'C/E' or 'F/Bb'")]
    public void MessagesHelp(string text, string message)
    {
        Assert.False(ChordSymbolParser.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void ADiagnosticPointsAtTheBadCharactersInTheFile()
    {
        // The symbol "Gmaj8" starting at file offset 40: the quality 'maj8' is characters 41..45.
        Assert.False(ChordSymbolParser.TryParseWithLocation("Gmaj8", out _, out var error));
        var diagnostic = error.ToDiagnostic(40);
        Assert.Equal("SEQ0621", diagnostic.Code);
        Assert.Equal(new SourceSpan(41, 4), diagnostic.Span);
        Assert.Equal(error.Message, diagnostic.Message);
    }
}
