using System.Globalization;
using System.Text.Json;
using SeqLang.Compiler.Piece;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// SPEC §15's <c>melody</c>: step for step against the independent Python reference (tests/tools/generators-reference,
/// <c>python3 make_melody_vectors.py</c> writes Vectors/melody.json), the statistics Narmour's model should give over
/// 10,000 onsets of a real lane, any bar asked first, and the mistakes it reports.
/// </summary>
public class MelodyTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Vectors", "melody.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var vectors = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var c in vectors.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_draw_gives_the_reference_pitch(string id)
    {
        using var vectors = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var c = vectors.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        var p = c.GetProperty("params");
        int Thousandths(string name) => (int)(decimal.Parse(p.GetProperty(name).GetString()!, CultureInfo.InvariantCulture) * 1000);
        var rule = MelodyRule.For(p.GetProperty("low").GetInt32(), p.GetProperty("high").GetInt32(), p.GetProperty("tonic").GetInt32(),
            p.GetProperty("steps").EnumerateArray().Select(s => s.GetInt32()).ToArray(), Thousandths("nir"), Thousandths("chord"));
        Assert.Equal(c.GetProperty("candidates").EnumerateArray().Select(x => x.GetInt32()), rule.Candidates);

        var generator = new MelodyGenerator(rule, 0);
        var draws = c.GetProperty("draws").EnumerateArray().Select(d => d.GetUInt32()).ToArray();
        var chords = c.GetProperty("chords");
        var state = generator.Initial;
        var have = new List<int>();
        for (var k = 0; k < draws.Length; k++)
        {
            int[]? chord = chords.ValueKind == JsonValueKind.Null ? null : chords[k].EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var (value, next) = generator.Step(state, chord, draws[k]);
            have.Add((int)value.Floor());
            state = next;
        }
        Assert.Equal(c.GetProperty("pitches").EnumerateArray().Select(x => x.GetInt32()), have);
    }

    private static string Lead(string options, string header = "") =>
        header + Track($"  play \"x*16\" n melody{options}", "key c major\nseed 11\n");

    /// <summary>Steps (1-2 semitones), leaps (more than 4), and after each leap whether the line turns back, over 10,000 onsets.</summary>
    private static (int Steps, int Leaps, int AfterLeap, int Reversed) Statistics(string text)
    {
        var notes = Of(text, 625).Select(e => e.Number).ToList();
        Assert.Equal(10_000, notes.Count);
        var intervals = notes.Zip(notes.Skip(1), (a, b) => b - a).ToList();
        var after = intervals.Zip(intervals.Skip(1)).Where(x => Math.Abs(x.First) > 4).ToList();
        return (intervals.Count(i => Math.Abs(i) is 1 or 2), intervals.Count(i => Math.Abs(i) > 4), after.Count,
            after.Count(x => x.Second != 0 && Math.Sign(x.Second) != Math.Sign(x.First)));
    }

    [Fact]
    public void A_line_stays_in_its_range_on_its_key_s_scale()
    {
        var notes = Of(Track("  play \"x*16\" n melody range a3..e5", "key d dorian\nseed 11\n"), 64).Select(e => e.Number).ToList();
        Assert.All(notes, n => Assert.InRange(n, 57, 76));
        var dorian = new[] { 2, 4, 5, 7, 9, 11, 0 };
        Assert.All(notes, n => Assert.Contains(n % 12, dorian));
        Assert.True(notes.Distinct().Count() > 8, "a melody should use its range");
    }

    [Fact]
    public void After_a_leap_the_line_turns_back_more_often_than_not()
    {
        foreach (var options in new[] { "", " nir 2" })
        {
            var s = Statistics(Lead(options));
            Assert.True(2 * s.Reversed > s.AfterLeap, $"{options}: {s}");
        }
    }

    [Fact]
    public void Nir_makes_steps_commoner_and_leaps_rarer()
    {
        var none = Statistics(Lead(" nir 0"));
        var standard = Statistics(Lead(""));
        var strong = Statistics(Lead(" nir 2"));
        Assert.True(none.Steps < standard.Steps && standard.Steps < strong.Steps, $"{none} {standard} {strong}");
        Assert.True(none.Leaps > standard.Leaps && standard.Leaps > strong.Leaps, $"{none} {standard} {strong}");
        Assert.True((double)none.Reversed / none.AfterLeap < (double)strong.Reversed / strong.AfterLeap, $"{none} {strong}");
    }

    [Fact]
    public void Steps_do_not_outnumber_leaps_with_the_spec_weights()
    {
        // The issue hoped steps would outnumber leaps; SPEC §15's additive weights do not give that in a two-octave range
        // (docs/generators.md, "melody"): pinned so that a change to the weights is seen.
        var s = Statistics(Lead(""));
        Assert.True(s.Steps < s.Leaps, s.ToString());
    }

    [Fact]
    public void Chord_tones_are_chosen_more_often_under_chord_weight()
    {
        const string harmony = "chords \"<C Am F G>\"\n";
        int ChordTones(string options)
        {
            var events = Of(Lead(options, harmony), 400);
            var chords = new[] { new[] { 0, 4, 7 }, new[] { 9, 0, 4 }, new[] { 5, 9, 0 }, new[] { 7, 11, 2 } };
            return events.Count(e => chords[e.Bar % 4].Contains(e.Number % 12));
        }
        Assert.True(ChordTones(" chord 0") < ChordTones("") && ChordTones("") < ChordTones(" chord 2"));
    }

    [Fact]
    public void Any_bar_asked_first_is_what_a_run_from_bar_0_gives()
    {
        var text = "harmony functional_major every 1 bar\n" + Track("  play \"x*8 [x ~]*2?\" n melody range c4..c6 nir 1 chord 0.5 transpose -12");
        var full = Of(text, 48);
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        foreach (var start in new[] { 47, 13, 30, 0 })
        {
            var stream = new EventStream(compilation.Piece!);
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(start, events, new DiagnosticBag()));
            Assert.Equal(full.Where(e => e.Bar == start), events);
        }
    }

    [Fact]
    public void Its_notes_are_midi_notes_in_any_mode_and_transpose_moves_them()
    {
        var plain = Of(Lead(" range 60..72"), 8).Select(e => e.Number).ToList();
        var degrees = Of(Track("  play \"x*16\" n melody range 60..72 degrees octave 2", "key c major\nseed 11\n"), 8).Select(e => e.Number).ToList();
        var up = Of(Track("  play \"x*16\" n melody range 60..72 transpose 12", "key c major\nseed 11\n"), 8).Select(e => e.Number).ToList();
        Assert.Equal(plain, degrees);
        Assert.Equal(plain.Select(n => n + 12), up);
    }

    [Theory]
    [InlineData("  play \"x*4\" n melody rnage c3..c5", "SEQ0342", "rnage", "did you mean 'range'")]
    [InlineData("  play \"x*4\" n melody range x3..c5", "SEQ0342", "x3", "not a note")]
    [InlineData("  play \"x*4\" n melody range c5..c3", "SEQ0342", "c5..c3", "empty")]
    [InlineData("  play \"x*4\" n melody range 61..61", "SEQ0342", "range 61..61", "no note of C major")]
    [InlineData("  play \"x*4\" n melody nir -0.5", "SEQ0342", "-0.5", "out of range")]
    [InlineData("  play \"x*4\" n melody chord 11", "SEQ0342", "11", "out of range")]
    [InlineData("  play \"x*4\" n melody nir 1 nir 2", "SEQ0342", "nir 2", "twice")]
    [InlineData("  play \"c4*4\" vel melody", "SEQ0342", "melody", "use it with n")]
    [InlineData("  play \"x*4\" n melody 48..72", "SEQ0321", "48..72", "range 48..72")]
    [InlineData("  play \"x*4\" n melody range c2..c3 * 2", "SEQ0342", "melody range c2..c3", "cannot be multiplied")]
    [InlineData("  play \"x*4\" n walk 0..7 * 2", "SEQ0342", "walk 0..7", "cannot be multiplied")]
    [InlineData("  play \"x*4\" n melody over 2 bars", "SEQ0321", "over 2 bars", "period")]
    [InlineData("drums:  play \"x*4\" n melody", "SEQ0342", "melody", "pitched notes, not for a drum lane")]
    public void Mistakes_are_reported_where_they_are_written(string lane, string code, string at, string says)
    {
        var text = lane.StartsWith("drums:", StringComparison.Ordinal) ? $"track d channel 10 {{\n{lane[6..]}\n}}\n" : Track(lane);
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
        Assert.Contains(says, d.Message);
    }
}
