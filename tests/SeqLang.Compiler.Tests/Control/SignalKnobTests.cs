using SeqLang.Compiler.Control;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>
/// Knobs on lanes whose values are signals (issue 16, docs/live-control.md "Knobs on signals"): <c>vel</c> scales what
/// the signal gives; a modifier knob sets B of the signal's <c>A..B</c> (the number of a product); <c>value</c> does the
/// same for a cc, bend or touch lane; what has no number to set is refused when the file is checked (SEQ0933).
/// </summary>
public class SignalKnobTests
{
    private static CompiledLane Lane(string text, int track, int lane) => Controls.Piece(text).Tracks[track].Lanes[lane];

    private static List<PieceEvent> Bar(string text, long bar, PieceEventKind kind)
    {
        var events = new List<PieceEvent>();
        Assert.True(new EventStream(Controls.Piece(text)).Bar(bar, events, new DiagnosticBag()));
        return events.Where(e => e.Kind == kind).ToList();
    }

    private static Rational Decimal(string text) => Rational.TryParseDecimal(text, out var value) ? value : throw new FormatException(text);

    private static List<(string Code, string Message)> Errors(string text) =>
        Controls.Compile(text).Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.Code, d.Message)).ToList();

    private const string Build = """
        track keys channel 1 {
          lead "c4*4" vel ramp 60..120 over 1 bar
        }
        map cc 21 -> keys.lead vel 1..127
        """;

    /// <summary>
    /// Question 1 of the issue: a <c>vel</c> knob on a lane whose <c>vel</c> is a signal. It checks, edits nothing in the
    /// text, and scales each velocity the ramp gives: at 64 the ramp 60..120 plays at about half.
    /// </summary>
    [Fact]
    public void A_vel_knob_scales_what_a_velocity_signal_gives()
    {
        var action = Assert.IsType<LaneVelocityAction>(Assert.Single(Controls.Map(Build).Mappings).Action);
        var written = Bar(Build, 0, PieceEventKind.Note).Select(e => e.Value).ToList();
        Assert.Equal(new[] { 60, 75, 90, 105 }, written);
        var x = action.ValueAt(64, 127);
        Assert.Equal(new[] { 30, 38, 45, 53 }, written.Select(v => LaneVelocityAction.Scale(v, x)));
        Assert.Equal(written, written.Select(v => LaneVelocityAction.Scale(v, action.ValueAt(127, 127))));
    }

    [Theory]
    // A signal's range: B, the value it reaches at 1, is set; A stays.
    [InlineData("prob saw 0.5..1", "prob", "0.8", "prob saw 0.5..0.8")]
    [InlineData("transpose ramp 0..12 over 4 bars ease in", "transpose", "7", "transpose ramp 0..7 over 4 bars ease in")]
    [InlineData("legato tri 0.5..1 over 4 bars", "legato", "2", "legato tri 0.5..2 over 4 bars")]
    // A range written high to low: still B, now the bottom.
    [InlineData("prob isaw 1..0.25", "prob", "0.5", "prob isaw 1..0.5")]
    // No range: 0..1 until the knob writes one.
    [InlineData("legato sine over 2 bars", "legato", "1.5", "legato sine 0..1.5 over 2 bars")]
    // A product: its plain number, the depth.
    [InlineData("prob saw * 0.5", "prob", "0.25", "prob saw * 0.25")]
    [InlineData("prob 0.5 * (saw 0.5..1)", "prob", "1", "prob 1 * (saw 0.5..1)")]
    // The last one written is the one that counts and the one set: no second prob is appended.
    [InlineData("prob 0.9 prob sine 0..1", "prob", "0.75", "prob 0.9 prob sine 0..0.75")]
    public void A_modifier_knob_sets_one_number_of_a_signal(string modifiers, string modifier, string value, string expected)
    {
        var text = $"track keys channel 1 {{\n  lead \"c4*4\" {modifiers} // lead\n}}\n";
        var edited = ModifierEdit.Set(text, Lane(text, 0, 0), modifier, Decimal(value));
        Assert.Equal(text.Replace(modifiers, expected), edited);
        Assert.False(Controls.Compile(edited).HasErrors);
    }

    /// <summary>The edited ramp plays as the same line written by hand: the knob's text is the piece.</summary>
    [Fact]
    public void An_edited_ramp_plays_its_new_top()
    {
        const string text = "track keys channel 1 {\n  lead \"c4*4\" transpose ramp 0..12 over 1 bar\n}\n";
        var edited = ModifierEdit.Set(text, Lane(text, 0, 0), "transpose", 4);
        Assert.Equal(new[] { 60, 63, 66, 69 }, Bar(text, 0, PieceEventKind.Note).Select(e => e.Number));
        Assert.Equal(new[] { 60, 61, 62, 63 }, Bar(edited, 0, PieceEventKind.Note).Select(e => e.Number));
    }

    private const string Synth = """
        track synth channel 3 bend 12 {
          play "c3*4"
          cc 74 saw 20..100 step 1/4
          cc 71 64
          bend sine -1..1 step 1/4
          touch "0 64"
        }

        """;

    [Theory]
    [InlineData(1, "60", "cc 74 saw 20..60 step 1/4")]
    [InlineData(2, "100", "cc 71 100")]
    [InlineData(3, "7.5", "bend sine -1..7.5 step 1/4")]
    public void The_value_of_a_control_lane_is_set_as_a_modifiers(int lane, string value, string expected)
    {
        var line = Synth.Split('\n')[lane + 1].Trim();
        var edited = ModifierEdit.Set(Synth, Lane(Synth, 0, lane), ModifierEdit.LaneValue, Decimal(value));
        Assert.Equal(Synth.Replace(line, expected), edited);
        Assert.False(Controls.Compile(edited).HasErrors);
    }

    /// <summary>The filter sweep's ceiling: the cc lane's values in a bar end at the new top.</summary>
    [Fact]
    public void A_sweeps_ceiling_moves_its_controller_values()
    {
        var text = Synth + "map cc 21 -> synth.cc74 value 0..127\n";
        var action = Assert.IsType<LaneModifierAction>(Assert.Single(Controls.Map(text).Mappings).Action);
        Assert.Equal(("synth.cc74", "value", true), (action.LaneName, action.Modifier, action.IsInteger));
        int[] Sweep(string t) => Bar(t, 0, PieceEventKind.Control).Where(e => e.Number == 74).Select(e => e.Value).ToArray();
        Assert.Equal(new[] { 20, 40, 60, 80 }, Sweep(text));
        var opened = ModifierEdit.Set(text, Lane(text, 0, 1), action.Modifier, action.ValueAt(127, 127));
        Assert.Equal(new[] { 20, 47, 74, 100 }, Sweep(opened)); // 20 + 107 × k/4, rounded half up
    }

    [Theory]
    // Named signals: the definition may be shared, so a knob on one lane does not move it.
    [InlineData("signal pulse sine 0.2..0.9\ntrack keys channel 1 {\n  lead \"c4*4\" prob pulse\n}\nmap cc 21 -> keys.lead prob 0..1\n",
        "a knob cannot set the prob of keys.lead: it is the named signal 'pulse', which other lanes may share: map the signal itself ('signal pulse A..B') or write it on the lane")]
    [InlineData("track keys channel 1 {\n  lead \"c4*4\" transpose \"0 5\"\n}\nmap cc 21 -> keys.lead transpose 0..12\n",
        "a knob cannot set the transpose of keys.lead: it is a mini string, a pattern of values rather than one number")]
    [InlineData("track keys channel 1 {\n  lead \"c4*4\" prob saw * sine\n}\nmap cc 21 -> keys.lead prob 0..1\n",
        "a knob cannot set the prob of keys.lead: it is a product with no plain number to set: write one, e.g. 'saw * 1', and the knob sets it")]
    [InlineData("track keys channel 1 {\n  lead \"c4*4\" transpose irand 12\n}\nmap cc 21 -> keys.lead transpose 0..12\n",
        "a knob cannot set the transpose of keys.lead: it is irand, which has no range")]
    public void What_has_no_number_to_set_is_refused_when_the_file_is_checked(string text, string message)
    {
        Assert.Equal(new[] { ("SEQ0933", message) }, Errors(text));
    }

    [Fact]
    public void The_modifier_edit_refuses_what_the_check_refuses()
    {
        const string text = "signal pulse sine 0.2..0.9\ntrack keys channel 1 {\n  lead \"c4*4\" prob pulse\n}\n";
        Assert.Throws<ArgumentException>(() => ModifierEdit.Set(text, Lane(text, 0, 0), "prob", new Rational(1, 2)));
        Assert.Throws<ArgumentException>(() => ModifierEdit.Set(text, Lane(text, 0, 0), ModifierEdit.LaneValue, 1));
        Assert.Throws<ArgumentException>(() => ModifierEdit.Set(Synth, Lane(Synth, 0, 4), ModifierEdit.LaneValue, 1));
    }

    [Theory]
    [InlineData("map cc 21 -> synth.cc74 value 0..200", "SEQ0914", "cc 200 is out of range: use whole numbers, 0 to 127")]
    [InlineData("map cc 21 -> synth.bend value -13..12", "SEQ0914", "bend -13 is out of range: use -12 to 12 semitones (the track's bend range)")]
    [InlineData("map cc 21 -> synth.touch value 0..127", "SEQ0933", "a knob cannot set the value of synth.touch: it is a mini string, a pattern of values rather than one number")]
    [InlineData("map cc 21 -> synth.play value 0..127", "SEQ0915", "'value' does not apply to the note lane synth.play (a knob sets the value of a cc, bend or touch lane; for notes use vel or a modifier)")]
    [InlineData("map cc 21 -> synth.cc74 prob 0..1", "SEQ0915", "'prob' does not apply to the cc lane synth.cc74, read every step (map its value: 'synth.cc74 value A..B')")]
    [InlineData("map cc 21 -> synth.bend shift 0..1", "SEQ0915", "'shift' does not apply to the bend lane synth.bend, read every step (map its value: 'synth.bend value A..B')")]
    [InlineData("map note 40 -> synth.cc74 value 0..127", "SEQ0917", "'value' needs a knob: drive it from a cc, an nrpn or an rpn, not from a note")]
    [InlineData("map cc 21 -> synth.cc74 valeu 0..127", "SEQ0913", "a knob cannot set 'valeu': it can set vel, transpose, octave, legato, prob, swing, humanize, shift, fast or slow, or a cc, bend or touch lane's value; did you mean 'value'?")]
    public void Value_knobs_are_checked(string map, string code, string message)
    {
        Assert.Equal(new[] { (code, message) }, Errors(Synth + map + "\n"));
    }

    private const string Shared = """
        signal sweep saw 20..100 over 1 bar // the build
        track synth channel 3 {
          lead "c4*4" vel sweep
          cc 74 sweep step 1/4
        }
        map cc 21 -> signal sweep 0..127

        """;

    /// <summary>A knob on a named signal sets its definition: every lane that uses it follows one knob.</summary>
    [Fact]
    public void A_knob_on_a_named_signal_sets_its_definition_for_every_lane()
    {
        var action = Assert.IsType<SignalKnobAction>(Assert.Single(Controls.Map(Shared).Mappings).Action);
        Assert.Equal(("sweep", false), (action.Signal, action.IsInteger));
        var edited = ModifierEdit.SetSignal(Shared, "sweep", action.ValueAt(127, 127));
        Assert.Equal(Shared.Replace("saw 20..100 over", "saw 20..127 over"), edited);
        Assert.Equal(new[] { 20, 47, 74, 100 }, Bar(edited, 0, PieceEventKind.Note).Select(e => e.Value));
        Assert.Equal(new[] { 20, 47, 74, 100 }, Bar(edited, 0, PieceEventKind.Control).Select(e => e.Value));
        Assert.Throws<ArgumentException>(() => ModifierEdit.SetSignal(Shared, "sweeep", 1));
    }

    [Theory]
    [InlineData("map cc 21 -> signal swep 0..127", "SEQ0320", "unknown signal 'swep'; did you mean 'sweep'?")]
    [InlineData("map note 40 -> signal sweep 0..127", "SEQ0917", "'sweep' needs a knob: drive it from a cc, an nrpn or an rpn, not from a note")]
    [InlineData("map cc 21 -> signal sweep 0..2000000", "SEQ0914", "signal sweep 2000000 is out of range: use -1000000 to 1000000")]
    public void Signal_knobs_are_checked(string map, string code, string message)
    {
        Assert.Equal(new[] { (code, message) }, Errors(Shared.Replace("map cc 21 -> signal sweep 0..127", map)));
    }

    [Fact]
    public void A_signal_with_no_number_to_set_is_refused()
    {
        var text = Shared.Replace("saw 20..100 over 1 bar", "\"20 100\"");
        Assert.Equal(new[] { ("SEQ0933", "a knob cannot set the value of signal 'sweep': it is a mini string, a pattern of values rather than one number") }, Errors(text));
    }
}
