using SeqLang.Core.Time;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §14 <c>strum S [down]</c>.</summary>
public class StrumTests
{
    [Fact]
    public void Each_note_of_a_chord_starts_a_step_later_and_all_end_together()
    {
        var notes = Of(Track("  play \"[e4,c4,g4]\" strum 1/16"), 1).OrderBy(e => e.Begin).ToList();
        Assert.Equal(new[] { 60, 64, 67 }, notes.Select(e => e.Number));
        Assert.Equal(new[] { Rational.Zero, new Rational(1, 16), new Rational(1, 8) }, notes.Select(e => e.Begin));
        Assert.All(notes, e => Assert.Equal(Rational.One, e.End));
    }

    [Fact]
    public void Down_starts_from_the_top_and_harmony_chords_strum_too()
    {
        var notes = Of(Track("  play \"chord\" strum 1/32 down", "chords \"C\"\n"), 1).OrderBy(e => e.Begin).ToList();
        Assert.Equal(new[] { 67, 64, 60 }, notes.Select(e => e.Number));
    }

    [Fact]
    public void A_note_strummed_past_its_end_is_left_out()
    {
        var notes = Of(Track("  play \"[c4,e4,g4]*8\" strum 1/16"), 1);
        // Each chord lasts 1/8: the third note would start at 1/8, its end.
        Assert.Equal(16, notes.Count);
    }
}
