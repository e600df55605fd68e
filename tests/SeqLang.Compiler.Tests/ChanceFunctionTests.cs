using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// <c>sometimes P MOD</c>, <c>often</c>, <c>rarely</c> and <c>someCycles P MOD</c> (SPEC §14). Strudel's random
/// stream is not SeqLang's, so these are held to their probabilities by counting, and to SeqLang's rule for
/// randomness: a pure function of the seed, the lane's name and the position.
/// </summary>
public class ChanceFunctionTests
{
    private static List<PieceEvent> Play(string lanes, int bars, long seed = 1) =>
        CleanEvents.Of($"seed {seed}\ntrack keys channel 1 {{\n{lanes}\n}}\n", bars);

    [Theory]
    [InlineData("sometimes 0.5", 0.5)]
    [InlineData("often", 0.75)]
    [InlineData("rarely", 0.25)]
    [InlineData("sometimes 0.1", 0.1)]
    public void About_P_of_the_events_go_through_the_modifier(string chance, double p)
    {
        // 16 notes a bar for 64 bars: 1,024 draws; transposed ones are an octave up.
        var events = Play($"  play \"c4*16\" {chance} transpose 12", 64);
        Assert.Equal(1024, events.Count);
        var share = events.Count(e => e.Number == 72) / 1024.0;
        // Four standard deviations of a binomial share at n = 1,024.
        Assert.InRange(share, p - 4 * Math.Sqrt(p * (1 - p) / 1024), p + 4 * Math.Sqrt(p * (1 - p) / 1024));
        Assert.All(events, e => Assert.Contains(e.Number, new[] { 60, 72 }));
    }

    [Fact]
    public void Zero_and_one_are_never_and_always()
    {
        Assert.All(Play("  play \"c4*8\" sometimes 0 transpose 12", 8), e => Assert.Equal(60, e.Number));
        Assert.All(Play("  play \"c4*8\" sometimes 1 transpose 12", 8), e => Assert.Equal(72, e.Number));
    }

    [Fact]
    public void A_modifier_that_moves_time_moves_only_the_drawn_events()
    {
        // The drawn events play twice as fast within their cycle, the others stay on the grid of eighths.
        var events = Play("  play \"c4*8\" sometimes 0.5 fast 2", 32);
        var grid = events.Where(e => (e.Begin * 8).IsInteger).Count();
        Assert.True(grid > 0 && grid < events.Count, $"{grid} of {events.Count} on the eighths");
    }

    [Fact]
    public void The_draws_are_the_same_every_time_and_differ_between_lanes_and_seeds()
    {
        string Notes(IEnumerable<PieceEvent> events) => string.Join(' ', events.Select(e => e.Number));
        var a = Play("  play \"c4*16\" sometimes 0.5 transpose 12", 8);
        Assert.Equal(Notes(a), Notes(Play("  play \"c4*16\" sometimes 0.5 transpose 12", 8)));
        Assert.NotEqual(Notes(a), Notes(Play("  play \"c4*16\" sometimes 0.5 transpose 12", 8, seed: 2)));
        var two = Play("  play \"c4*16\" sometimes 0.5 transpose 12\n  play2 \"c4*16\" sometimes 0.5 transpose 12", 8);
        Assert.NotEqual(Notes(two.Where(e => e.Lane == 0)), Notes(two.Where(e => e.Lane == 1)));
        // A later bar drawn alone is the bar drawn in sequence: a function of position, not of order.
        var alone = new EventStream(SeqCompiler.Compile(new SourceText("t.seq", "seed 1\ntrack keys channel 1 {\n  play \"c4*16\" sometimes 0.5 transpose 12\n}\n"), new CompileOptions()).Piece!);
        var bar5 = new List<PieceEvent>();
        Assert.True(alone.Bar(5, bar5, new DiagnosticBag()));
        Assert.Equal(Notes(a.Skip(5 * 16).Take(16)), Notes(bar5));
    }

    [Fact]
    public void Some_cycles_change_whole_bars()
    {
        var events = Play("  play \"c4*8\" someCycles 0.5 fast 2", 256);
        var perBar = events.GroupBy(e => (long)Math.Floor(e.Begin.ToDouble())).Select(g => g.Count()).ToList();
        Assert.All(perBar, n => Assert.Contains(n, new[] { 8, 16 }));
        var fast = perBar.Count(n => n == 16) / 256.0;
        Assert.InRange(fast, 0.5 - 4 * Math.Sqrt(0.25 / 256), 0.5 + 4 * Math.Sqrt(0.25 / 256));
    }
}
