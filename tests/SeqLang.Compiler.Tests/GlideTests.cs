using SeqLang.Compiler.Piece;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §14 <c>glide T [on "MINI"]</c>: portamento through pitch bend.</summary>
public class GlideTests
{
    private static List<PieceEvent> Bends(IEnumerable<PieceEvent> events) => events.Where(e => e.Kind == PieceEventKind.Bend).ToList();

    [Fact]
    public void The_bend_moves_to_the_next_pitch_in_the_last_T_bars_and_resets_at_its_note_on()
    {
        var events = Of("track b channel 1 bend 2 {\n  play \"c3 d3\" glide 1/8\n}\n", 1);
        var bends = Bends(events);
        var up = bends.Where(e => e.Begin < Rational.Half).ToList();
        Assert.Equal(new Rational(3, 8), up[0].Begin);
        Assert.True(up.Zip(up.Skip(1)).All(p => p.Second.Value > p.First.Value && p.Second.Begin > p.First.Begin));
        Assert.Equal(16383, up[^1].Value);
        Assert.Contains(bends, e => e.Begin == Rational.Half && e.Value == 8192);
        // d3 glides down to the next bar's c3, and is reset on the bar line.
        var down = bends.Where(e => e.Begin > Rational.Half && e.Begin < 1).ToList();
        Assert.Equal(0, down[^1].Value);
        Assert.Contains(bends, e => e.Begin == Rational.One && e.Value == 8192);
    }

    [Fact]
    public void Intervals_beyond_the_bend_range_and_unmarked_notes_do_not_glide()
    {
        Assert.Empty(Bends(Of("track b channel 1 {\n  play \"c3 g3\" glide 1/8\n}\n", 1)));
        var marked = Bends(Of("track b channel 1 {\n  play \"c3 d3 c3 d3\" glide 1/16 on \"x ~ ~ ~\"\n}\n", 1));
        Assert.All(marked, e => Assert.True(e.Begin <= new Rational(1, 4)));
        Assert.NotEmpty(marked);
    }

    [Fact]
    public void A_gliding_track_sends_its_bend_range()
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", "track b channel 1 bend 7 {\n  play \"c3 d3\" glide 1/8\n}\n"), new CompileOptions());
        var track = Assert.Single(compilation.Piece!.Tracks);
        Assert.True(track.SendsBendRange);
        Assert.Equal(7, track.BendRange);
    }

    [Fact]
    public void The_bend_range_goes_to_every_channel_a_bending_lane_sends_on()
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", "track t channel 1 bend 12 {\n  play \"c4\"\n  bend \"0 6\" chan 3\n  play2 \"c3 d3\" glide 1/8 chan 5\n}\n"), new CompileOptions());
        var track = Assert.Single(compilation.Piece!.Tracks);
        Assert.Equal(new[] { 0, 2, 4 }, track.BendRangeChannels);
    }

    [Fact]
    public void A_gliding_note_is_held_into_the_next_but_a_rest_breaks_the_slide()
    {
        var events = Of("track b channel 1 bend 2 {\n  play \"c3 d3\" glide 1/8 legato 0.8\n}\n", 1);
        var c3 = events.First(e => e.Kind == PieceEventKind.Note && e.Number == 48);
        Assert.Equal(Rational.Half, c3.End);
        Assert.DoesNotContain(Bends(Of("track b channel 1 bend 2 {\n  play \"c3 d3 ~ ~\" glide 1/8\n}\n", 1)), e => e.Begin > Rational.Half);
    }

    [Fact]
    public void A_bend_lane_on_a_gliding_channel_is_a_warning()
    {
        var warning = Assert.Single(Check("track b channel 1 bend 12 {\n  play \"c2 eb2\" glide 1/16\n  bend sine -1..1\n}\n"));
        Assert.Equal("SEQ0343", warning.Code);
        Assert.Empty(Check("track b channel 1 bend 12 {\n  play \"c2 eb2\" glide 1/16\n  bend sine -1..1 chan 2\n}\n"));
    }
}
