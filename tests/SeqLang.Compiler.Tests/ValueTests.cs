using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §12 (values and signals) and §13 (control lanes), written from the spec.</summary>
public class ValueTests
{
    // Values from 0 are convenient here; vel then warns that 0 is clamped to 1, which these tests expect.
    private static List<PieceEvent> Play(string lanes, int bars = 4, string header = "") =>
        Events($"tempo 120\n{header}track t channel 1 {{\n{lanes}\n}}\n", bars);

    private static IReadOnlyList<Diagnostic> Check(string text) => SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions()).Diagnostics;

    /// <summary>Events of a file that may warn (a muted lane does) but must not fail.</summary>
    private static List<PieceEvent> Events(string text, int bars)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        for (var bar = 0; bar < bars; bar++) Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
        return events;
    }

    private static int Round(double v) => (int)Math.Floor(v + 0.5);

    [Fact]
    public void A_signal_is_read_at_each_final_onset_and_fast_never_speeds_it_up()
    {
        var notes = Play("  play \"c4*4\" vel saw 0..100 fast 2", bars: 2);
        Assert.Equal(16, notes.Count);
        foreach (var e in notes)
            Assert.Equal(Math.Clamp(Round(100 * (e.Begin - e.Begin.Floor()).ToDouble()), 1, 127), e.Value);
    }

    [Fact]
    public void A_shape_over_N_bars_takes_N_bars_and_phase_moves_it_earlier()
    {
        var slow = Play("  play \"c4*4\" vel saw 0..100 over 4 bars", bars: 4);
        foreach (var e in slow) Assert.Equal(Math.Max(1, Round(100 * e.Begin.ToDouble() / 4)), e.Value);
        var moved = Play("  play \"c4*4\" vel saw 0..100 phase 0.25", bars: 1);
        Assert.Equal(new[] { 25, 50, 75, 1 }, moved.Select(e => e.Value));
    }

    [Fact]
    public void Beats_are_quarter_notes()
    {
        var notes = Events("meter 3/4\ntrack t channel 1 {\n  play \"c4*3\" vel saw 0..90 over 3 beats\n}\n", 2);
        Assert.Equal(new[] { 1, 30, 60, 1, 30, 60 }, notes.Select(e => e.Value));
    }

    [Fact]
    public void The_last_velocity_written_wins_whether_number_or_signal()
    {
        Assert.All(Play("  play \"c4*4\" vel sine 60..120 vel 100", bars: 1), e => Assert.Equal(100, e.Value));
        var signal = Play("  play \"c4*4\" vel 100 vel saw 0..100", bars: 1);
        Assert.Equal(new[] { 1, 25, 50, 75 }, signal.Select(e => e.Value));
    }

    [Fact]
    public void Van_der_Corput_gives_the_kth_onset_of_each_bar_its_number()
    {
        var notes = Play("  play \"c4*8\" vel vdc 0..128", bars: 2);
        Assert.Equal(new[] { 1, 64, 32, 96, 16, 80, 48, 112 }, notes.Take(8).Select(e => e.Value));
        Assert.Equal(notes.Take(8).Select(e => e.Value), notes.Skip(8).Select(e => e.Value));
    }

    [Fact]
    public void A_ramp_over_section_starts_again_at_each_entry()
    {
        var text = "form intro 2, drop 4\ntrack t channel 1 {\n  play \"c4*2\" vel ramp 40..120 over section\n}\n";
        var notes = Events(text, 6);
        // intro: 2 bars, 4 notes at x = 0, 1/4, 1/2, 3/4; drop: 4 bars, 8 notes at x = 0, 1/8, ...
        Assert.Equal(new[] { 40, 60, 80, 100, 40, 50, 60, 70, 80, 90, 100, 110 }, notes.Select(e => e.Value));
    }

    [Theory]
    [InlineData("in", new[] { 40, 45, 60, 85 })]
    [InlineData("out", new[] { 40, 75, 100, 115 })]
    [InlineData("inout", new[] { 40, 53, 80, 108 })]
    public void Easing_shapes_a_ramp(string ease, int[] expected)
    {
        var notes = Play($"  play \"c4*4\" vel ramp 40..120 over 1 bar ease {ease}", bars: 1);
        Assert.Equal(expected, notes.Select(e => e.Value));
    }

    [Fact]
    public void A_product_multiplies_and_a_named_signal_is_its_definition()
    {
        var product = Play("  play \"c4*4\" vel saw 0..100 * 0.5", bars: 1);
        Assert.Equal(new[] { 1, 13, 25, 38 }, product.Select(e => e.Value));
        var named = Events("signal swell saw 0..100 * 0.5\ntrack t channel 1 {\n  play \"c4*4\" vel swell\n}\n", 1);
        Assert.Equal(product.Select(e => e.Value), named.Select(e => e.Value));
    }

    [Fact]
    public void Random_values_are_uniform_and_the_same_whatever_else_the_file_holds()
    {
        var alone = Play("  lead \"c4*16\" vel rand 1..127", bars: 64);
        var values = alone.Select(e => e.Value).ToList();
        // 1,024 draws into 4 quarters of the range: each within 4 standard deviations of 256.
        var sigma = Math.Sqrt(1024 * 0.25 * 0.75);
        foreach (var quarter in Enumerable.Range(0, 4))
        {
            var count = values.Count(v => (v - 1) * 4 / 127 == quarter);
            Assert.InRange(count, 256 - 4 * sigma, 256 + 4 * sigma);
        }
        var crowded = Events("tempo 120\ntrack t channel 1 {\n  other \"c4*3\" vel rand 1..127\n  lead \"c4*16\" vel rand 1..127\n  muted \"e4\" vel rand mute\n}\n", 64);
        Assert.Equal(values, crowded.Where(e => e.Lane == 1).Select(e => e.Value));
        var moved = CleanEvents.Of("form a 32, b 32\ntrack t channel 1 {\n  in a, b {\n    lead \"c4*16\" vel rand 1..127\n  }\n}\n", 64);
        Assert.Equal(values, moved.Select(e => e.Value));
    }

    [Fact]
    public void Perlin_moves_smoothly_within_its_range()
    {
        var notes = Play("  play \"c4*16\" vel perlin 20..100 over 2 bars", bars: 32);
        Assert.All(notes, e => Assert.InRange(e.Value, 20, 100));
        for (var i = 1; i < notes.Count; i++) Assert.InRange(Math.Abs(notes[i].Value - notes[i - 1].Value), 0, 12);
        Assert.True(notes.Select(e => e.Value).Distinct().Count() > 20, "perlin should move");
    }

    [Fact]
    public void Irand_draws_each_whole_number_below_N_equally_often()
    {
        // 1,024 draws of irand 8: each of 0..7 within 4 standard deviations of 128, nothing else.
        var notes = Play("  play \"c4*16\" transpose irand 8", bars: 64);
        Assert.Equal(1024, notes.Count);
        Assert.All(notes, e => Assert.InRange(e.Number, 60, 67));
        var sigma = Math.Sqrt(1024 * (1.0 / 8) * (7.0 / 8));
        foreach (var k in Enumerable.Range(0, 8))
            Assert.InRange(notes.Count(e => e.Number == 60 + k), 128 - 4 * sigma, 128 + 4 * sigma);
    }

    [Fact]
    public void Perlin_is_uniform_at_its_knots_and_centred_between_them()
    {
        // One read at each bar line and one half-way through each bar, perlin 1..127 over 1 bar, 2,048 bars.
        var notes = Play("  play \"c4 c4\" vel perlin 1..127", bars: 2048);
        var knots = notes.Where(e => e.Begin.IsInteger).Select(e => e.Value).ToList();
        Assert.Equal(2048, knots.Count);
        // At the knots perlin is a fresh uniform draw: each quarter of the range within 4 standard deviations of 512.
        var sigma = Math.Sqrt(2048 * 0.25 * 0.75);
        foreach (var quarter in Enumerable.Range(0, 4))
            Assert.InRange(knots.Count(v => (v - 1) * 4 / 127 == quarter), 512 - 4 * sigma, 512 + 4 * sigma);
        // Half-way, it is the mean of two independent knots, above or below the middle equally often (even bars only,
        // so that no two reads share a knot).
        var halves = notes.Where(e => !e.Begin.IsInteger && (long)Math.Floor(e.Begin.ToDouble()) % 2 == 0).Select(e => e.Value).ToList();
        Assert.Equal(1024, halves.Count);
        var above = halves.Count(v => v > 64);
        var below = halves.Count(v => v < 64);
        var spread = 4 * Math.Sqrt((above + below) * 0.25);
        Assert.InRange(above, (above + below) / 2.0 - spread, (above + below) / 2.0 + spread);
        Assert.True(halves.Count(v => v is < 32 or > 96) < halves.Count(v => v is >= 32 and <= 96), "between knots perlin should crowd the middle");
    }

    [Fact]
    public void A_probability_string_keeps_its_ones_and_drops_its_zeros()
    {
        var notes = Play("  hat \"c4*16\" prob \"[0 1 0.5 1]*4\"", bars: 64);
        var positions = notes.GroupBy(e => (int)((e.Begin - e.Begin.Floor()) * 16).Floor()).ToDictionary(g => g.Key, g => g.Count());
        foreach (var step in new[] { 1, 3, 5, 7, 9, 11, 13, 15 }) Assert.Equal(64, positions[step]);
        foreach (var step in new[] { 0, 4, 8, 12 }) Assert.False(positions.ContainsKey(step));
        var sigma = Math.Sqrt(256 * 0.25);
        Assert.InRange(new[] { 2, 6, 10, 14 }.Sum(s => positions.GetValueOrDefault(s)), 128 - 4 * sigma, 128 + 4 * sigma);
    }

    [Fact]
    public void A_signal_probability_follows_the_signal()
    {
        var notes = Play("  hat \"c4*16\" prob saw", bars: 256);
        var firstHalf = notes.Count(e => e.Begin - e.Begin.Floor() < Rational.Half);
        var secondHalf = notes.Count - firstHalf;
        // Expected 256 × (0 + 1/16 + ... + 7/16) = 448 and 256 × (8/16 + ... + 15/16) = 1472.
        Assert.InRange(firstHalf, 448 - 4 * Math.Sqrt(448), 448 + 4 * Math.Sqrt(448));
        Assert.InRange(secondHalf, 1472 - 4 * Math.Sqrt(1472), 1472 + 4 * Math.Sqrt(1472));
    }

    [Fact]
    public void N_reads_a_signal_in_the_lane_mode()
    {
        var notes = Play("  play \"x*4\" n saw 0..8 degrees", bars: 1);
        // saw 0..8 at 0, 1/4, 1/2, 3/4 → degrees 0, 2, 4, 6 of C major from C4.
        Assert.Equal(new[] { 60, 64, 67, 71 }, notes.Select(e => e.Number));
    }

    [Fact]
    public void A_stepped_control_lane_sends_only_changes()
    {
        var events = Play("  cc 74 saw 0..127 over 64 bars step 1/64", bars: 256);
        for (var i = 1; i < events.Count; i++) Assert.NotEqual(events[i - 1].Value, events[i].Value);
        Assert.Equal(events.Count, events.Select(e => (e.Begin, e.Value)).Distinct().Count());
        // Each 64-bar period climbs through the 128 values once: 128 messages (the first is the 0 at the period's start).
        Assert.Equal(4 * 128, events.Count);
        var held = Play("  cc 7 100", bars: 16);
        Assert.Single(held);
    }

    [Fact]
    public void A_stepped_lane_sends_again_where_its_section_comes_back()
    {
        var text = "form a 2, b 2, a 2\ntrack t channel 1 {\n  in a {\n    cc 7 100\n  }\n}\n";
        var events = CleanEvents.Of(text, 6);
        Assert.Equal(new[] { Rational.Zero, (Rational)4 }, events.Select(e => e.Begin));
    }

    [Fact]
    public void Bend_lanes_send_wheel_positions_in_the_track_range()
    {
        var mini = CleanEvents.Of("track t channel 1 bend 12 {\n  bend \"0 12 -12 6\"\n}\n", 1);
        Assert.All(mini, e => Assert.Equal(PieceEventKind.Bend, e.Kind));
        Assert.Equal(new[] { 8192, 16383, 0, 12288 }, mini.Select(e => e.Value));
        var swept = CleanEvents.Of("track t channel 1 {\n  bend saw -2..2 step 1/4\n}\n", 1);
        Assert.Equal(new[] { 0, 4096, 8192, 12288 }, swept.Select(e => e.Value));
        var touch = CleanEvents.Of("track t channel 1 {\n  touch \"0 127\"\n}\n", 1);
        Assert.All(touch, e => Assert.Equal(PieceEventKind.Pressure, e.Kind));
    }

    [Theory]
    [InlineData("  play \"c4\" vel sin 60..120", "SEQ0320", "sin", "sine")]
    [InlineData("  play \"c4\" vel ramp 60..120", "SEQ0322", "ramp 60..120", "a period")]
    [InlineData("  play \"c4\" vel ramp over 4 bars", "SEQ0322", "ramp over 4 bars", "a range")]
    [InlineData("  play \"c4\" vel saw 0..200", "SEQ0323", "saw 0..200", "200")]
    [InlineData("  play \"c4\" vel saw 0..100 over 4 barz", "SEQ0324", "barz", "bars")]
    [InlineData("  play \"c4\" vel saw ease in", "SEQ0321", "in", "ease")]
    [InlineData("  cc 74 saw 0..127 step 1/512", "SEQ0326", "step 1/512", "1/512")]
    [InlineData("  play \"c4*2\" prob \"0.5 x\"", "SEQ0327", "x", "reads numbers")]
    [InlineData("  bend 3", "SEQ0310", "3", "bend range")]
    [InlineData("  bend \"0 5\"", "SEQ0310", "5", "bend range")]
    [InlineData("  bend saw -4..4", "SEQ0323", "saw -4..4", "bend range")]
    [InlineData("  play \"c4\" vel irand", "SEQ0322", "irand", "a count")]
    public void Mistakes_in_values_are_reported_where_they_are_written(string lane, string code, string at, string message)
    {
        var text = $"track t channel 1 {{\n{lane}\n}}\n";
        var diagnostics = Check(text);
        var d = Assert.Single(diagnostics, x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void A_signal_is_defined_once_and_never_with_a_shape_name()
    {
        var text = "signal a saw\nsignal a sine\nsignal sine saw\ntrack t channel 1 {\n  play \"c4\" vel a\n}\n";
        var diagnostics = Check(text).Where(d => d.Code == "SEQ0325").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains("line 1", diagnostics[0].Message);
    }

    [Fact]
    public void The_same_file_and_seed_give_the_same_events()
    {
        const string lanes = "  play \"c4*8\" vel rand 40..110 prob perlin 0.3..1 legato sine 0.5..1.5\n  cc 1 perlin 0..127 over 3 bars";
        Assert.Equal(Play(lanes, bars: 16), Play(lanes, bars: 16));
    }

    [Fact]
    public void A_control_lanes_signals_are_the_same_whatever_else_the_file_holds()
    {
        // Random and perlin on cc, bend and touch lanes: lanes and a track added around them, a muted lane beside them,
        // or the lanes moved into an `in` block, and every controller, bend and pressure of track t is the same.
        const string lanes = "  cc 74 perlin 0..127 over 2 bars step 1/16\n  bend rand -1..1 step 1/8\n  touch rand 0..127 step 1/4\n";
        static List<(Rational, PieceEventKind, int, int)> Controls(string text) => Events(text, 8)
            .Where(e => e.Channel == 0 && e.Kind != PieceEventKind.Note && !(e.Kind == PieceEventKind.Control && e.Number == 71))
            .Select(e => (e.Begin, e.Kind, e.Number, e.Value)).OrderBy(e => e.Begin).ThenBy(e => e.Kind).ThenBy(e => e.Number).ToList();
        var alone = Controls($"tempo 120\ntrack t channel 1 bend 2 {{\n  play \"c4\"\n{lanes}}}\n");
        Assert.Equal(3, alone.Select(e => e.Item2).Distinct().Count());
        Assert.True(alone.Select(e => e.Item4).Distinct().Count() > 20, "the signals should move");
        var crowded = Controls("tempo 120\ntrack o channel 2 {\n  cc 74 perlin 0..127 over 2 bars step 1/16\n  other \"c4*3\" vel rand 1..127\n}\n" +
            $"track t channel 1 bend 2 {{\n  first \"e4*2\" vel rand 1..127\n  play \"c4\"\n  muted \"g4\" vel rand 1..127 mute\n{lanes}  cc 71 rand 0..127 step 1/16\n}}\n");
        Assert.Equal(alone, crowded);
        var moved = Controls($"tempo 120\nform a 4, b 4\ntrack t channel 1 bend 2 {{\n  play \"c4\"\n  in a, b {{\n{lanes}  }}\n}}\n");
        Assert.Equal(alone, moved);
    }

    [Fact]
    public void A_patterned_shift_moves_the_note_before_it_reads_its_signals()
    {
        var number = Play("  play \"c4 e4\" shift 0.25 vel saw 1..101", bars: 2).Where(e => e.Begin >= 1).Select(e => e.Value);
        var patterned = Play("  play \"c4 e4\" shift \"0.25\" vel saw 1..101", bars: 2).Where(e => e.Begin >= 1).Select(e => e.Value);
        Assert.Equal(new[] { 26, 76 }, number);
        Assert.Equal(number, patterned);
        // A note shifted from before the start reads bar 0's section and does not fail.
        Assert.NotEmpty(Play("  play \"c4 e4\" shift \"-0.25\" vel saw 1..100", bars: 2));
    }

    [Fact]
    public void Touch_strings_read_pressure_numbers_not_notes()
    {
        var diagnostics = Check("track t channel 1 {\n  touch \"0 c4\"\n}\n");
        Assert.Equal("SEQ0508", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Over_section_without_a_form_warns_that_the_period_is_one_bar()
    {
        var warning = Assert.Single(Check("track t channel 1 {\n  play \"c4*2\" vel ramp 60..120 over section\n}\n"));
        Assert.Equal("SEQ0336", warning.Code);
        Assert.Empty(Check("form a 2\ntrack t channel 1 {\n  play \"c4*2\" vel ramp 60..120 over section\n}\n"));
    }

    [Fact]
    public void Cached_bars_give_the_same_events_as_bars_computed_afresh()
    {
        const string text = "form a 3, b 5\nsignal swell ramp 40..120 over section ease in\ntrack t channel 1 {\n" +
            "  play \"[c4 e4 g4 b4]*4\" legato 0.5 vel rand 40..110\n  snare \"~ c4 ~ c4\" prob saw 0.5..1\n" +
            "  hat \"c5*8\" vel vdc 40..120 * sine 0.8..1.2 over 3 bars\n  pad \"<c3 e3 g3>\" vel swell legato tri 0.5..1\n" +
            "  cc 74 perlin 0..127 over 4 bars step 1/16\n}\n";
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var cached = new EventStream(compilation.Piece!);
        var fresh = new EventStream(compilation.Piece!, cachePeriodicLanes: false);
        for (var bar = 0; bar < 40; bar++)
        {
            var a = new List<PieceEvent>();
            var b = new List<PieceEvent>();
            Assert.True(cached.Bar(bar, a, new DiagnosticBag()));
            Assert.True(fresh.Bar(bar, b, new DiagnosticBag()));
            Assert.Equal(b, a);
        }
    }
}
