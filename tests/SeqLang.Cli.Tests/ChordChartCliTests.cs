using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// `chords "MINI"` charts through `seq events` (SPEC §3-4, docs/harmony.md "Voicings" and "Tones and root"):
/// slash chords, `root`, `tones` indexes and a chord change inside a bar. Expected pitches are worked out by hand
/// from the documented rules (the root at (octave + 1) × 12 + its pitch class; a slash bass at octave × 12 + bass).
/// </summary>
public class ChordChartCliTests
{
    private static Dictionary<long, int[]> NotesByBar(IEnumerable<SeqEvents.Event> events, string track) =>
        events.Where(e => e.Track == track).GroupBy(e => e.Bar).ToDictionary(g => g.Key, g => g.Select(e => e.Note!.Value).ToArray());

    [Fact]
    public void ASlashChordPutsItsBassUnderTheChordAndKeepsItsRoot()
    {
        var path = SeqEvents.Write("""
            chords "<C/E Bb/D F#m/C#>"
            track keys channel 1 { play "chord" }
            track bass channel 2 { play "root" octave 2 }
            track high channel 3 { play "root" }
            """);
        var events = SeqEvents.Json(path, "3");
        Assert.Equal(new[] { "C/E", "Bb/D", "F#m/C#" }, SeqEvents.Headers(path, "3").Select(h => h.Chord));
        Assert.All(events, e => Assert.Equal(new[] { "C/E", "Bb/D", "F#m/C#" }[e.Bar], e.Chord));

        // C/E in octave 4 is E3 under C4 E4 G4: the bass an octave below the whole chord, not taken out of it.
        var keys = NotesByBar(events, "keys");
        Assert.Equal(new[] { 52, 60, 64, 67 }, keys[0].Order());
        Assert.Equal(new[] { 50, 70, 74, 77 }, keys[1].Order());
        Assert.Equal(new[] { 49, 66, 69, 73 }, keys[2].Order());

        // `root` is the chord's root, not its bass: C, Bb and F#, in octave 2 and in the default octave 4.
        Assert.Equal(new[] { 36 }, NotesByBar(events, "bass")[0]);
        Assert.Equal(new[] { 46 }, NotesByBar(events, "bass")[1]);
        Assert.Equal(new[] { 42 }, NotesByBar(events, "bass")[2]);
        Assert.Equal(new[] { 60 }, NotesByBar(events, "high")[0]);
        Assert.Equal(new[] { 70 }, NotesByBar(events, "high")[1]);
        Assert.Equal(new[] { 66 }, NotesByBar(events, "high")[2]);
    }

    [Fact]
    public void TonesIndexTheChordFromItsRootAndGoOnInTheNextOctave()
    {
        var path = SeqEvents.Write("""
            chords "<C G7 C/E Am9>"
            track arp channel 1 { play "0 1 2 3 4 5 -1 -4" tones }
            """);
        var events = SeqEvents.Json(path, "4");
        var arp = NotesByBar(events, "arp");
        // C: C4 E4 G4, then C5 E5 G5; -1 is G3, the last tone an octave down; -4 is G2 (floor(-4 / 3) = -2 octaves).
        Assert.Equal(new[] { 60, 64, 67, 72, 76, 79, 55, 43 }, arp[0]);
        // G7 has four tones: 3 is its seventh F5, 4 the next octave's G5, -1 the seventh an octave down.
        Assert.Equal(new[] { 67, 71, 74, 77, 79, 83, 65, 55 }, arp[1]);
        // A slash chord's bass is no tone: C/E's tones are C's.
        Assert.Equal(arp[0], arp[2]);
        // Am9 is wider than an octave: tone 5 (A5) starts the next octave again from the root, below tone 4 (B5).
        Assert.Equal(new[] { 69, 72, 76, 79, 83, 81, 71, 60 }, arp[3]);
        // Each step's onset: eight equal steps per bar.
        Assert.Equal(new[] { "0", "1/8", "1/4", "3/8", "1/2", "5/8", "3/4", "7/8" }, events.Where(e => e.Bar == 0).Select(e => e.Begin));
    }

    [Fact]
    public void AChordChangeInsideABarIsHeardAtItsOnset()
    {
        var path = SeqEvents.Write("""
            chords "<Am [F G]>"
            track bass channel 1 { play "root*4" }
            track keys channel 2 { play "chord*2" }
            """);
        var events = SeqEvents.Json(path, "4");
        foreach (var bar in new[] { 0L, 2L })
        {
            Assert.All(events.Where(e => e.Bar == bar), e => Assert.Equal("Am", e.Chord));
            Assert.Equal(new[] { 69, 69, 69, 69 }, NotesByBar(events, "bass")[bar]);
        }
        foreach (var bar in new[] { 1L, 3L })
        {
            // The bar's first half is F, its second half G, for every lane and every event in it.
            var bass = events.Where(e => e.Bar == bar && e.Track == "bass").ToList();
            Assert.Equal(new[] { $"{bar}", $"{4 * bar + 1}/4", $"{2 * bar + 1}/2", $"{4 * bar + 3}/4" }, bass.Select(e => e.Begin));
            Assert.Equal(new[] { "F", "F", "G", "G" }, bass.Select(e => e.Chord));
            Assert.Equal(new[] { 65, 65, 67, 67 }, bass.Select(e => e.Note!.Value));
            var keys = events.Where(e => e.Bar == bar && e.Track == "keys").ToList();
            Assert.Equal(new[] { 65, 69, 72 }, keys.Where(e => e.Chord == "F").Select(e => e.Note!.Value).Order());
            Assert.Equal(new[] { 67, 71, 74 }, keys.Where(e => e.Chord == "G").Select(e => e.Note!.Value).Order());
            Assert.All(keys.Where(e => e.Chord == "G"), e => Assert.Equal($"{2 * bar + 1}/2", e.Begin));
        }
        // The header names the bar's chords in order.
        Assert.Equal(new[] { "Am", "F G", "Am", "F G" }, SeqEvents.Headers(path, "4").Select(h => h.Chord));
    }

    [Fact]
    public void HumanizeMovesOnsetsButNeverChangesTheNotesThatSound()
    {
        // humanize is a performance jitter of ±MS milliseconds (SPEC §3): a downbeat played 10 ms early is still
        // the downbeat of its own bar and must sound that bar's root, not the previous chord's.
        var path = SeqEvents.Write("""
            seed 3
            chords "<C G>"
            track bass channel 1 { play "root" humanize 20 }
            track straight channel 2 { play "root" }
            """);
        var events = SeqEvents.Json(path, "64");
        var grid = events.Where(e => e.Track == "straight").ToList();
        // A downbeat humanized early may land in the bar before, so bar 64's may be among these: pair by time.
        var bass = events.Where(e => e.Track == "bass").ToList();
        Assert.Equal(64, grid.Count);
        Assert.InRange(bass.Count, 63, 65);
        Assert.Contains(bass, e => e.Tick % 1920 > 1900);
        // 20 ms at 120 bpm (480 ticks a 500 ms beat) is 19.2 ticks: each humanized note lies beside one grid note, whose bar it belongs to.
        var pairs = bass.Select(b => (Grid: grid.SingleOrDefault(g => Math.Abs(g.Tick - b.Tick) <= 20), Bass: b)).Where(p => p.Grid is not null).ToList();
        Assert.True(pairs.Count >= 63, $"only {pairs.Count} humanized notes lie within 20 ticks of a grid note");
        var wrong = pairs.Where(p => p.Grid!.Note != p.Bass.Note)
            .Select(p => $"bar {p.Grid!.Bar}: grid {p.Grid.Note} ({p.Grid.Chord}) at tick {p.Grid.Tick}, humanized {p.Bass.Note} ({p.Bass.Chord}) at tick {p.Bass.Tick}").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} humanized notes changed pitch:\n" + string.Join("\n", wrong.Take(5)));
    }
}
