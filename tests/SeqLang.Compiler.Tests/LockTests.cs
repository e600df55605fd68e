using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §14 <c>lock N [at K]</c>: bar b ≥ K draws as bar K + (b − K) mod N.</summary>
public class LockTests
{
    private static string Bar(IEnumerable<Piece.PieceEvent> events, long bar) =>
        string.Join(" ", events.Where(e => e.Begin.Floor() == bar).Select(e => $"{e.Begin - bar}:{e.Number}:{e.Value}"));

    [Fact]
    public void Random_choices_repeat_every_N_bars_from_K()
    {
        var events = Of(Track("  play \"c4*16?\" vel rand 1..127 lock 2 at 1"), 9);
        Assert.Equal(Bar(events, 1), Bar(events, 3));
        Assert.Equal(Bar(events, 1), Bar(events, 7));
        Assert.Equal(Bar(events, 2), Bar(events, 8));
        Assert.NotEqual(Bar(events, 1), Bar(events, 2));
        Assert.NotEqual(Bar(events, 0), Bar(events, 1));
        var unlocked = Of(Track("  play \"c4*16?\" vel rand 1..127"), 4);
        Assert.Equal(Bar(unlocked, 0), Bar(events, 0));
        Assert.Equal(Bar(unlocked, 1), Bar(events, 3));
    }

    [Fact]
    public void Chance_functions_before_lock_repeat_too()
    {
        var events = Of(Track("  play \"c4*16\" prob 0.5 sometimes 0.5 transpose 12 lock 4"), 12);
        Assert.Equal(Bar(events, 1), Bar(events, 5));
        Assert.Equal(Bar(events, 3), Bar(events, 11));
    }
}
