using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §15's <c>turing "MINI" drift P</c>: a loop of values, one an onset across bar lines, each position replaced with chance P per pass.</summary>
public class TuringTests
{
    private static List<int> Velocities(string value, int bars, string rhythm = "c4*8") =>
        Of(Track($"  play \"{rhythm}\" vel {value}"), bars).Select(e => e.Value).ToList();

    [Fact]
    public void Drift_0_is_the_loop_as_written_across_bar_lines()
    {
        // Five values over eight onsets a bar: the loop runs on across the bar line, not from its start each bar.
        var values = Velocities("turing \"60 70 80 90 100\" drift 0", 10);
        Assert.Equal(80, values.Count);
        for (var i = 0; i < values.Count; i++) Assert.Equal(60 + 10 * (i % 5), values[i]);
    }

    [Fact]
    public void The_first_pass_is_as_written_and_drift_1_changes_every_position_every_pass()
    {
        var loop = new[] { 10, 20, 30, 40, 50, 60, 70 };
        var values = Velocities("turing \"10 20 30 40 50 60 70\" drift 1", 40);
        Assert.Equal(loop, values.Take(7));
        for (var i = 7; i < values.Count; i++)
        {
            Assert.NotEqual(values[i - 7], values[i]);
            Assert.Contains(values[i], loop);
        }
        // Two values and drift 1: every pass is the one before, each value swapped.
        var two = Velocities("turing \"40 40 90\" drift 1", 3, "c4*4");
        Assert.Equal(new[] { 40, 40, 90, 90, 90, 40, 40, 40, 90, 90, 90, 40 }, two);
    }

    [Fact]
    public void Drift_P_replaces_positions_within_binomial_bounds_by_other_values_equally()
    {
        var values = Velocities("turing \"1 2 3 4 5 6 7 8\" drift 0.25", 1000, "c4*16");
        var changes = 0;
        var to = new int[9];
        for (var i = 8; i < values.Count; i++)
        {
            if (values[i] == values[i - 8]) continue;
            changes++;
            to[values[i]]++;
        }
        // 15,992 chances at 1/4: within 4 standard deviations.
        var n = values.Count - 8;
        var sigma = Math.Sqrt(n * 0.25 * 0.75);
        Assert.InRange(changes, n * 0.25 - 4 * sigma, n * 0.25 + 4 * sigma);
        // Replacements go to every value; none is favoured beyond chance (each about changes/8).
        for (var v = 1; v <= 8; v++) Assert.InRange(to[v], changes / 8.0 * 0.8, changes / 8.0 * 1.2);
    }

    [Fact]
    public void A_loop_of_one_value_never_changes_and_only_its_own_values_appear()
    {
        Assert.All(Velocities("turing \"77 77\" drift 1", 8), v => Assert.Equal(77, v));
        Assert.All(Velocities("turing \"50 100\" drift 0.5", 20), v => Assert.Contains(v, new[] { 50, 100 }));
    }

    [Fact]
    public void With_n_the_loop_is_atoms_read_as_the_lane_reads_them()
    {
        var notes = Of(Track("  play \"x*4\" n turing \"c3 eb3 g3 c3\" drift 0"), 2).Select(e => e.Number);
        Assert.Equal(new[] { 48, 51, 55, 48, 48, 51, 55, 48 }, notes);
        // Numbers with n are the lane's numbers: scale degrees here.
        var degrees = Of(Track("  play \"x*4\" n turing \"0 2 4 7\" drift 0 degrees", "key c major\n"), 1).Select(e => e.Number);
        var plain = Of(Track("  play \"0 2 4 7\" degrees", "key c major\n"), 1).Select(e => e.Number);
        Assert.Equal(plain, degrees);
        var drifting = Of(Track("  play \"x*8\" n turing \"c3 eb3 g3 bb3\" drift 0.5"), 50).Select(e => e.Number).ToHashSet();
        Assert.Subset(new HashSet<int> { 48, 51, 55, 58 }, drifting);
    }

    [Fact]
    public void Any_bar_asked_first_is_what_a_run_from_bar_0_gives_whatever_was_asked_before()
    {
        var text = Track("  play \"x*8?\" n turing \"c3 d3 eb3 g3 bb3\" drift 0.3 vel turing \"60 90 120\" drift 0.1\n  drum \"c4 e4*3\" vel turing \"40 80\" drift 0.5");
        var full = Of(text, 64);
        var piece = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions()).Piece!;
        var stream = new EventStream(piece);
        foreach (var start in new[] { 63, 17, 40, 0, 41 })
        {
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(start, events, new DiagnosticBag()));
            Assert.Equal(full.Where(e => e.Bar == start), events);
        }
    }

    [Fact]
    public void A_named_signal_may_be_a_turing_loop()
    {
        var text = "signal accent turing \"60 90 120\" drift 0.2\n" + Track("  play \"c4*8\" vel accent");
        var inline = Of(text, 4).Select(e => e.Value).ToList();
        Assert.Equal(32, inline.Count);
        Assert.Equal(new[] { 60, 90, 120 }, inline.Take(3));
    }

    [Theory]
    [InlineData("  play \"c4*4\" vel turing \"60 80\" drift 1.5", "SEQ0342", "1.5")]
    [InlineData("  play \"c4*4\" vel turing \"60 80\"", "SEQ0322", "turing \"60 80\"")]
    [InlineData("  play \"c4*4\" vel turing \"60 [80 90]\" drift 0.1", "SEQ0342", "[80")]
    [InlineData("  play \"c4*4\" vel turing \"60 c4\" drift 0.1", "SEQ0329", "c4")]
    [InlineData("  play \"c4*4\" vel turing \"60 80\" drift 0.1 over 2 bars", "SEQ0321", "over 2 bars")]
    [InlineData("  play \"c4*4\" vel turing \"60 80\" drfit 0.1", "SEQ0321", "drfit 0.1")]
    [InlineData("  play \"x*4\" n turing \"c3 zz3\" drift 0.1", "SEQ0506", "zz3")]
    [InlineData("  play \"c4*4\" vel walk 0..7 drift 0.1", "SEQ0321", "drift 0.1")]
    [InlineData("  play \"c4*4\" vel sine \"1 2\"", "SEQ0321", "\"1 2\"")]
    // A generator read at a time threw while rendering: in a product, or on a lane read every step, it is refused.
    [InlineData("  play \"c4*4\" vel sine 40..80 * turing \"1 2\" drift 0.1", "SEQ0342", "turing \"1 2\" drift 0.1")]
    [InlineData("  play \"c4*4\" vel walk 1..2 * 40", "SEQ0342", "walk 1..2")]
    [InlineData("  cc 74 turing \"10 20\" drift 0.1", "SEQ0342", "turing \"10 20\" drift 0.1")]
    [InlineData("  cc 74 walk 0..10", "SEQ0342", "walk 0..10")]
    public void Mistakes_are_reported_where_they_are_written(string lane, string code, string at)
    {
        var text = Track(lane);
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
    }
}
