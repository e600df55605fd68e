using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §14 <c>arp</c>: Tidal's orders within a chord's span, the hardware form with a step, octaves, and harmony chords.</summary>
public class ArpTests
{
    public static TheoryData<string> Modes()
    {
        var data = new TheoryData<string>();
        foreach (var mode in Arpeggio.ModeNames) data.Add(mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Each_mode_plays_the_chord_in_Tidal_order_within_its_span(string mode)
    {
        Assert.True(Arpeggio.TryParseMode(mode, out var parsed));
        var expected = Arpeggio.Order(parsed, new[] { 60, 64, 67, 71 });
        // Written out of order: a chord is read lowest first.
        var notes = Of(Track($"  play \"[g4,c4,b4,e4]\" arp {mode}"), 1);
        Assert.Equal(expected, notes.Select(e => e.Number));
        for (var i = 0; i < notes.Count; i++)
        {
            Assert.Equal(new Rational(i, expected.Length), notes[i].Begin);
            Assert.Equal(new Rational(i + 1, expected.Length), notes[i].End);
        }
    }

    [Fact]
    public void A_step_plays_a_new_note_every_step_while_the_chord_lasts()
    {
        var notes = Of(Track("  play \"[c4,e4,g4]\" arp up step 1/8"), 1);
        Assert.Equal(new[] { 60, 64, 67, 60, 64, 67, 60, 64 }, notes.Select(e => e.Number));
        Assert.All(notes, e => Assert.Equal(new Rational(1, 8), e.End - e.Begin));
    }

    [Fact]
    public void Octaves_stack_the_chord_first()
    {
        var notes = Of(Track("  play \"[c4,e4,g4]\" arp down octaves 2"), 1);
        Assert.Equal(new[] { 79, 76, 72, 67, 64, 60 }, notes.Select(e => e.Number));
    }

    [Fact]
    public void A_harmony_chord_is_arpeggiated_once_it_is_voiced()
    {
        var split = Of(Track("  play \"chord chord\" arp up", "chords \"C F\"\n"), 1);
        Assert.Equal(new[] { 60, 64, 67, 65, 69, 72 }, split.Select(e => e.Number));
        Assert.Equal(new Rational(1, 6), split[1].Begin);
        var stepped = Of(Track("  play \"chord\" arp down step 1/4", "chords \"C\"\n"), 1);
        Assert.Equal(new[] { 67, 64, 60, 67 }, stepped.Select(e => e.Number));
        var picked = Of(Track("  play \"chord\" arp \"2 0\"", "chords \"Am\"\n"), 1);
        Assert.Equal(new[] { 76, 69 }, picked.Select(e => e.Number));
    }

    [Fact]
    public void The_index_form_reads_the_chord_lowest_first()
    {
        var notes = Of(Track("  play \"[g3,c3,e3]\" arp \"0 1 2\""), 1);
        Assert.Equal(new[] { 48, 52, 55 }, notes.Select(e => e.Number));
    }

    [Fact]
    public void Arp_inside_every_applies_in_its_cycles()
    {
        var notes = Of(Track("  play \"[c4,e4,g4]\" every 2 arp up"), 2);
        Assert.Equal(3, notes.Count(e => e.Begin < 1));
        Assert.Equal(3, notes.Count(e => e.Begin >= 1));
        Assert.All(notes.Where(e => e.Begin >= 1), e => Assert.Equal((Rational)1, e.Begin));
    }

    [Fact]
    public void Arp_on_a_lane_without_chords_warns_and_an_unknown_mode_is_an_error()
    {
        var warning = Assert.Single(Check(Track("  play \"c4 e4\" arp up")));
        Assert.Equal("SEQ0330", warning.Code);
        var error = Assert.Single(Check(Track("  play \"[c4,e4]\" arp dwon")));
        Assert.Equal("SEQ0331", error.Code);
        Assert.Contains("'down'", error.Message);
        var index = Assert.Single(Check(Track("  play \"[c4,e4]\" arp \"0 -1\"")));
        Assert.Equal("SEQ0327", index.Code);
    }
}
