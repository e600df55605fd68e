using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// `voicing lead` against `voicing close` over generated progressions, as `seq events` sounds them (SPEC §3,
/// docs/harmony.md "Voicings"): the same chords, far less movement, kept near the lane's octave, and the same
/// notes whichever bar the query starts at (the voice chain runs from bar 0).
/// </summary>
public class VoicingCliTests
{
    private const int Bars = 64;

    private static string Source(string style) => $$"""
        key C major
        harmony {{style}}
        track close channel 1 { play "chord" voicing close }
        track lead channel 2 { play "chord" voicing lead }

        """;

    /// <summary>Each bar's notes of one track, ascending, bar by bar.</summary>
    private static List<int[]> Voicings(IEnumerable<SeqEvents.Event> events, string track) =>
        events.Where(e => e.Track == track).GroupBy(e => e.Bar).OrderBy(g => g.Key).Select(g => g.Select(e => e.Note!.Value).Order().ToArray()).ToList();

    /// <summary>
    /// Semitones moved from one chord to the next: paired lowest to lowest when both have as many notes, else every
    /// note of either charged its distance to the nearest note of the other (docs/harmony.md, "Movement").
    /// </summary>
    private static int Movement(int[] from, int[] to) => from.Length == to.Length
        ? from.Zip(to, (a, b) => Math.Abs(a - b)).Sum()
        : from.Sum(a => to.Min(b => Math.Abs(a - b))) + to.Sum(b => from.Min(a => Math.Abs(a - b)));

    private static int TotalMovement(List<int[]> voicings) =>
        Enumerable.Range(1, voicings.Count - 1).Sum(i => Movement(voicings[i - 1], voicings[i]));

    [Theory]
    [InlineData("turnaround")]
    [InlineData("functional_major")]
    [InlineData("suspended")]
    public void LeadMovesLessThanRootPositionOverTheSameProgression(string style)
    {
        var path = SeqEvents.Write(Source(style));
        foreach (var seed in new[] { "1", "2", "3" })
        {
            var events = SeqEvents.Json(path, Bars.ToString(), "--seed", seed);
            var close = Voicings(events, "close");
            var lead = Voicings(events, "lead");
            Assert.Equal(Bars, close.Count);
            Assert.Equal(Bars, lead.Count);
            var chords = events.Where(e => e.Track == "close").GroupBy(e => e.Bar).OrderBy(g => g.Key).Select(g => ChordNames.Parse(g.First().Chord!)).ToList();
            for (var bar = 0; bar < Bars; bar++)
            {
                // The same chord, revoiced: as many notes, the same pitch classes, the lowest within an octave of the root.
                Assert.Equal(close[bar].Length, lead[bar].Length);
                Assert.Equal(chords[bar].PitchClasses.Order(), lead[bar].Select(n => n % 12).Distinct().Order());
                var root = 60 + chords[bar].Root;
                Assert.InRange(lead[bar][0], root - 12, root + 11);
            }
            // The first chord has nothing to lead from: it is close.
            Assert.Equal(close[0], lead[0]);
            var closeTotal = TotalMovement(close);
            var leadTotal = TotalMovement(lead);
            // The docs measure about a quarter; half is the line a lead voicing that works cannot cross.
            Assert.True(2 * leadTotal < closeTotal, $"{style}, seed {seed}: lead moves {leadTotal} semitones, close {closeTotal}");
        }
    }

    [Fact]
    public void LeadVoicingIsTheSameWhereverTheQueryStarts()
    {
        var path = SeqEvents.Write(Source("turnaround"));
        var all = SeqEvents.Json(path, "48").Where(e => e.Track == "lead" && e.Bar >= 40).Select(e => (e.Bar, e.Note)).ToList();
        var tail = SeqEvents.Json(path, "40:48").Where(e => e.Track == "lead").Select(e => (e.Bar, e.Note)).ToList();
        Assert.Equal(all, tail);
        Assert.Equal(8 * 4, tail.Count);
    }

    [Fact]
    public void RenderFromABarSoundsTheLeadVoicingsEventsPrintForIt()
    {
        // The renderer starting at --from 40 must voice bar 40 as the chain from bar 0 does, not start afresh.
        var path = SeqEvents.Write(Source("turnaround"));
        var midi = Path.Combine(SeqRun.TempDirectory(), "from.mid");
        var result = SeqRun.Run("render", path, "-o", midi, "--from", "40", "--bars", "8");
        Assert.True(result.ExitCode == 0, result.Error);
        var track = SeqLang.Midi.SmfReader.ReadFile(midi).Tracks.Single(t => t.Name == "lead");
        var rendered = track.Events.Where(e => e.IsNoteOn).Select(e => (40 + e.Tick / 1920, e.Note)).Order().ToList();
        var printed = SeqEvents.Json(path, "40:48").Where(e => e.Track == "lead").Select(e => (e.Bar, e.Note!.Value)).Order().ToList();
        Assert.Equal(printed, rendered);
        Assert.NotEqual(printed.Where(p => p.Bar == 40).Select(p => p.Item2),
            SeqEvents.Json(path, "40:41").Where(e => e.Track == "close").Select(e => e.Note!.Value));
    }
}
