using System.Text.RegularExpressions;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// docs/pattern-functions.md: every example compiles without a diagnostic and plays notes; the diagnostics
/// table is what the compiler says; and the page's claims about bars are checked on the events.
/// </summary>
public class PatternFunctionDocsTests
{
    private static readonly DocsPage Doc = new("pattern-functions.md");

    private static string Page => Doc.Text;

    private static List<string> Examples() => Doc.Examples();

    public static TheoryData<int> ExampleIndexes() => Doc.ExampleIndexes();

    [Fact]
    public void The_page_has_an_example_for_each_function() =>
        Assert.All(new[] { " ply ", " iter ", " palindrome", " chunk ", " sometimes ", " often ", " rarely ", " someCycles ", " mask ", " struct ", " off ", " n ", " arp ", " strum ", " lock ", " groove ", " glide " }, word => Assert.Contains(Examples(), e => e.Contains(word, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void Each_example_compiles_cleanly_and_plays(int index)
    {
        var events = Play(Examples()[index], 4);
        Assert.Contains(events, e => e.Kind == PieceEventKind.Note);
    }

    [Fact]
    public void Iter_starts_each_bar_further_in_as_the_page_says()
    {
        var notes = Play("track keys channel 1 {\n  play \"c4 d4 e4 f4\" iter 4\n}\n", 4).Select(e => e.Number).ToList();
        Assert.Equal(new[] { 60, 62, 64, 65, 62, 64, 65, 60, 64, 65, 60, 62, 65, 60, 62, 64 }, notes);
    }

    [Theory]
    [InlineData("play \"c4\" ply 0", "SEQ0310", "ply 0 is out of range: use a whole number of repeats, 1 to 64", "0")]
    [InlineData("play \"c4\" iter 1.5", "SEQ0310", "iter 1.5 is out of range: use a whole number of parts, 1 to 64", "1.5")]
    [InlineData("play \"c4\" chunk 0 fast 2", "SEQ0310", "chunk 0 is out of range: use a whole number of parts, 1 to 64", "0")]
    [InlineData("play \"c4\" sometimes 1.5 fast 2", "SEQ0310", "sometimes 1.5 is out of range: use a probability, 0 to 1", "1.5")]
    [InlineData("play \"c4\" off 20 fast 2", "SEQ0310", "off 20 is out of range: use -16 to 16 cycles", "20")]
    [InlineData("play \"c4\" someCycles -1 fast 2", "SEQ0310", "someCycles -1 is out of range: use a probability, 0 to 1", "-1")]
    [InlineData("play \"c4\" often octave 3", "SEQ0312", "'octave' cannot be applied every N cycles, to a chunk or sometimes; put it on the lane itself", "octave")]
    [InlineData("play \"c4\" struct \"x [x 2]\"", "SEQ0319", "'2' is not a step of a rhythm: use x (or 1) to play and ~ (or 0) to rest", "2")]
    [InlineData("play \"c4\" sometimes 0.5 n 60", "SEQ0312", "'n' cannot be applied every N cycles, to a chunk or sometimes; put it on the lane itself", "n")]
    [InlineData("cc 74 \"0 64\" n 3", "SEQ0311", "'n' does not apply to a cc lane", "n")]
    [InlineData("play \"c4\" mask \"x y\"", "SEQ0319", "'y' is not a step of a rhythm: use x (or 1) to play and ~ (or 0) to rest", "y")]
    [InlineData("play \"c4\" chunk 4 octave 5", "SEQ0312", "'octave' cannot be applied every N cycles, to a chunk or sometimes; put it on the lane itself", "octave")]
    [InlineData("play \"c4 e4\" arp up", "SEQ0330", "arp on lane keys.play, which has no chords: each of its notes plays alone", "arp up")]
    [InlineData("play \"[c4,e4]\" arp upp", "SEQ0331", "unknown arp mode 'upp'; did you mean 'up'?", "upp")]
    [InlineData("play \"[c4,e4]\" arp up octave2 2", "SEQ0332", "'arp up' does not take 'octave2'; did you mean 'octaves'?", "octave2")]
    [InlineData("play \"[c4,e4]\" arp \"0 -1\"", "SEQ0327", "'-1' is not a number: arp (whole numbers from 0: 0 is the lowest note) reads numbers", "-1")]
    [InlineData("play \"[c4,e4]\" strum 2", "SEQ0310", "strum 2 is out of range: use more than 0, at most 1 bar between notes", "2")]
    [InlineData("play \"c4\" lock 0", "SEQ0310", "lock 0 is out of range: use a whole number of bars, 1 to 1024", "0")]
    [InlineData("play \"c4 d4\" glide 1/8 onn \"x\"", "SEQ0332", "'glide' does not take 'onn'; did you mean 'on'?", "onn")]
    public void The_diagnostics_are_the_page_s(string lane, string code, string message, string at) => Holds(lane, code, message, at);

    [Theory]
    [InlineData("groove push grid 16 { shift \"0 0.2\" }\n", "play \"c4\" groove psuh", "SEQ0333", "unknown groove 'psuh'; did you mean 'push'?", "psuh")]
    [InlineData("groove mpc \"x.agr\"\n", "play \"c4\"", "SEQ0334", "groove file \"x.agr\": no such file (paths are relative to the .seq file)", "\"x.agr\"")]
    [InlineData("groove push grid 16 { shift \"0 0.8\" }\n", "play \"c4\" groove push", "SEQ0335", "groove 'push': a shift moves at most half a step (-0.5 to 0.5)", "\"0 0.8\"")]
    public void The_groove_diagnostics_are_the_page_s(string header, string lane, string code, string message, string at) => Holds(lane, code, message, at, header);

    private static void Holds(string lane, string code, string message, string at, string header = "")
    {
        var text = $"{header}track keys channel 1 {{\n  {lane}\n}}\n";
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Contains($"| {code} | {message} |", Page);
        // Positioned on the number, or on the modifier after chunk N.
        Assert.Equal(at, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    private static List<PieceEvent> Play(string text, int bars) => CleanEvents.Of(text, bars);
}
