using System.Text.RegularExpressions;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// docs/signals.md: every example compiles without a diagnostic and plays notes; the diagnostics table is what the
/// compiler says and covers every code of SPEC §12-13 (SEQ0320-0329, and SEQ0336 for 'over section' without a form); and the page's claims about the clock are
/// checked on the events.
/// </summary>
public class SignalDocsTests
{
    private static readonly DocsPage Doc = new("signals.md");

    private static string Page => Doc.Text;

    private static List<string> Examples() => Doc.Examples();

    /// <summary>The rows of the table under "## Diagnostics": code and message (the last column).</summary>
    private static List<(string Code, string Message)> TableRows()
    {
        var section = Page[Page.IndexOf("\n## Diagnostics\n", StringComparison.Ordinal)..];
        return Regex.Matches(section, @"^\| (SEQ\d{4}) \|.*\| ([^|]+) \|$", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim())).ToList();
    }

    public static TheoryData<int> ExampleIndexes() => Doc.ExampleIndexes();

    [Fact]
    public void The_page_has_an_example_for_each_construct() =>
        Assert.All(new[]
        {
            " sine ", " cosine", " saw ", " isaw", " tri ", " square ", " over ", " phase ", " rand ", " irand ", " perlin ",
            " ramp ", " ease ", "over section", " vdc ", " * ", "(", "signal ", "prob \"", " cc ", " bend ", " touch ", " step ",
            " beats", "channel 1 program 89 bend 12",
        }, word => Assert.Contains(Examples(), e => e.Contains(word, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void Each_example_compiles_cleanly_and_plays(int index)
    {
        var events = CleanEvents.Of(Examples()[index], 16);
        Assert.Contains(events, e => e.Kind == PieceEventKind.Note);
    }

    [Fact]
    public void The_control_lane_example_sends_all_three_kinds()
    {
        var events = CleanEvents.Of(Examples().Single(e => e.Contains("title \"Control lanes\"", StringComparison.Ordinal)), 4);
        Assert.Contains(events, e => e.Kind == PieceEventKind.Control && e.Number == 74);
        Assert.Contains(events, e => e.Kind == PieceEventKind.Bend);
        Assert.Contains(events, e => e.Kind == PieceEventKind.Pressure);
        // Read every 1/32 bar but sent only on a change: fewer messages than steps.
        Assert.InRange(events.Count(e => e.Kind == PieceEventKind.Control && e.Number == 74), 2, 4 * 32 - 1);
    }

    [Fact]
    public void Fast_never_speeds_a_signal_and_swing_moves_notes_after_they_read_it()
    {
        var events = CleanEvents.Of(Examples().Single(e => e.Contains("title \"The clock\"", StringComparison.Ordinal)), 1);
        var fast = events.Where(e => e.Lane == 0).Select(e => e.Value).ToList();
        var swung = events.Where(e => e.Lane == 1).ToList();
        Assert.Equal(new[] { 40, 49, 58, 66, 75, 84, 93, 101 }, fast);
        Assert.Equal(fast, swung.Select(e => e.Value));
        Assert.Equal(new Core.Time.Rational(3, 20), swung[1].Begin);
    }

    [Fact]
    public void Vdc_gives_the_van_der_Corput_sequence_each_bar()
    {
        var velocities = CleanEvents.Of("track drums channel 10 {\n  hat \"x*8\" vel vdc 40..120\n}\n", 2).Select(e => e.Value).ToList();
        Assert.Equal(new[] { 40, 80, 60, 100, 50, 90, 70, 110, 40, 80, 60, 100, 50, 90, 70, 110 }, velocities);
    }

    [Fact]
    public void A_ramp_over_section_restarts_at_each_entry()
    {
        var events = CleanEvents.Of("form a 2, b 4\ntrack keys channel 1 {\n  play \"c4\" vel ramp 40..120 over section\n}\n", 6);
        Assert.Equal(new[] { 40, 80, 40, 60, 80, 100 }, events.Select(e => e.Value));
    }

    [Fact]
    public void Every_code_of_values_and_control_lanes_is_in_the_table_and_every_listed_code_exists()
    {
        var listed = TableRows().Select(r => r.Code).ToHashSet();
        var codes = Codes.All.Select(d => d.Code).ToHashSet();
        Assert.All(listed, code => Assert.Contains(code, codes));
        var values = codes.Where(c => string.CompareOrdinal(c, "SEQ0320") >= 0 && string.CompareOrdinal(c, "SEQ0329") <= 0).ToList();
        Assert.Equal(10, values.Count);
        Assert.All(values, code => Assert.Contains(code, listed));
        Assert.Contains(Codes.OverSectionWithoutForm.Code, listed);
    }

    [Theory]
    [InlineData("play \"c4\" vel wobbel", "SEQ0320", "unknown signal 'wobbel'", "wobbel")]
    [InlineData("play \"c4\" vel prelin 40..90", "SEQ0320", "unknown signal 'prelin'; did you mean 'perlin'?", "prelin")]
    [InlineData("play \"c4\" vel rand 40..100 over 2 bars", "SEQ0321", "'rand' does not take a period (it has none)", "over 2 bars")]
    [InlineData("play \"c4\" vel saw 40..100 ease in", "SEQ0321", "'saw' does not take ease (only ramp is eased)", "in")]
    [InlineData("signal lfo sine\ntrack keys channel 1 {\n  play \"c4\" vel lfo over 2 bars\n}\n", "SEQ0321", "'lfo' does not take options: it is a named signal; write them in its definition", "lfo over 2 bars")]
    [InlineData("cc 74 \"0 64\" step 1/16", "SEQ0321", "'a mini string' does not take a step: it sends at its own events' onsets", "step 1/16")]
    [InlineData("play \"c4\" vel ramp 40..100", "SEQ0322", "'ramp' needs a period: write ramp 60..120 over 4 bars (or over section)", "ramp 40..100")]
    [InlineData("play \"c4\" vel saw 40..140", "SEQ0323", "vel can reach 140, outside 1 to 127: it is clamped there", "saw 40..140")]
    [InlineData("play \"c4\" vel sine 40..100 over 0 bars", "SEQ0324", "'0 bars' is not a length: use N bars, N beats or section, more than 0 and at most 100000 bars", "over 0 bars")]
    [InlineData("signal lfo sine\nsignal lfo saw\ntrack keys channel 1 {\n  play \"c4\" vel 80\n}\n", "SEQ0325", "signal 'lfo' is already defined on line 1", "lfo")]
    [InlineData("cc 74 sine 0..127 step 1/1024", "SEQ0326", "step 1/1024 is out of range: use 1/256 to 16 bars, such as 1/32", "step 1/1024")]
    [InlineData("play \"c4\" prob \"0.5 x 1\"", "SEQ0327", "'x' is not a number: prob reads numbers", "x")]
    [InlineData("track keys channel 1 bend 48 {\n  play \"c4\"\n}\n", "SEQ0328", "bend range 48 is out of range: use 1 to 24 semitones", "48")]
    [InlineData("play \"c4\" vel sine 40..100 phase 5000", "SEQ0329", "phase takes a number here, not 5000 (use -1000 to 1000 periods)", "5000")]
    [InlineData("bend 3", "SEQ0310", "bend 3 is beyond the track's bend range: use -2 to 2 semitones, or widen it with bend R on the track", "3")]
    [InlineData("play \"c4\" humanize rand 0..2000", "SEQ0310", "humanize can reach 2000, out of range: use 0 to 1000 milliseconds", "rand 0..2000")]
    [InlineData("play \"c4\" vel ramp 60..120 over section", "SEQ0336", "'over section' in a file with no form: the piece is one endless section, so the period is one bar; write over N bars, or add a form", "over section")]
    [InlineData("cc 74 sine 0..127 fast 2", "SEQ0311", "'fast' does not apply to a cc lane read every step (give its value a mini string to pattern it)", "fast")]
    public void The_diagnostics_are_the_page_s(string lane, string code, string message, string at)
    {
        var text = lane.Contains("track ", StringComparison.Ordinal) ? lane : $"track keys channel 1 {{\n  {lane}\n}}\n";
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Contains((code, message), TableRows());
        // Positioned on what it is about: the word, the option, the number or the atom in the string.
        Assert.Equal(at, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }
}
