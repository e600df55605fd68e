using SeqLang.Cli.Tests.Support;
using SeqLang.Midi;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>`seq render` with no --bars: to the form's end, or 60 minutes of music with a warning (SPEC §8).</summary>
public partial class FormGoldenTests
{
    private const int QuarterTicks = 480;

    /// <summary>Renders with no --bars and returns the .mid's path and what `seq` printed on stderr.</summary>
    private static (string Midi, string Error) Render(string source, params string[] args)
    {
        var path = SeqEvents.Write(source);
        var midi = Path.ChangeExtension(path, ".mid");
        var result = SeqRun.Run(new[] { "render", path }.Concat(args).ToArray());
        Assert.True(result.ExitCode == 0, $"seq render exited {result.ExitCode}:\n{result.Error}");
        return (midi, result.Error);
    }

    /// <summary>
    /// The file is <paramref name="bars"/> bars long for both readers: every track ends there, no note sounds past
    /// it, and each track has the note-ons counted. mido also checks the structure (balanced notes, format 1).
    /// </summary>
    private static void AssertLength(string midi, long bars, IReadOnlyDictionary<string, int> noteOns, int quartersPerBar = 4)
    {
        var end = bars * quartersPerBar * QuarterTicks;
        var ours = SmfReader.ReadFile(midi);
        Assert.Equal(1 + noteOns.Count, ours.Tracks.Count);
        Assert.All(ours.Tracks, t => Assert.Equal(end, t.EndTick));
        Assert.All(ours.Tracks.SelectMany(t => t.Events), e => Assert.True(e.Tick <= end));
        foreach (var (name, count) in noteOns)
            Assert.Equal(count, ours.Tracks.Single(t => t.Name == name).Events.Count(e => e.IsNoteOn));

        Assert.Empty(IndependentMidiReader.Check(midi, 480));
        var mido = IndependentMidiReader.Dump(midi);
        Assert.All(mido.Tracks, t => Assert.Equal(("end_of_track", end), (t.Messages[^1].Type, t.Messages[^1].Tick)));
        foreach (var (name, count) in noteOns)
            Assert.Equal(count, mido.Tracks.Single(t => t.Name == name).Messages.Count(m => m.Type == "note_on" && m.Velocity > 0));
    }

    private static long FirstBarAfterTheEnd(string source, string bars, params string[] args) =>
        SeqEvents.Headers(SeqEvents.Write(source), bars, args).First(h => h.Section is null).Bar;

    [Fact]
    public void AGraphThatReachesEndRendersToItsEndWithoutAWarning()
    {
        // Seed 9: intro 1, verse 2, chorus 3, verse 8, chorus 3, verse 8, chorus 3, outro 1: 29 bars.
        var end = FirstBarAfterTheEnd(Graph, "40");
        Assert.Equal(29, end);
        var (midi, error) = Render(Graph);
        Assert.DoesNotContain("warning", error);
        AssertLength(midi, end, new Dictionary<string, int> { ["keys"] = 29, ["drums"] = 9 });
    }

    [Fact]
    public void AGraphCaughtInASelfRepeatingSectionIsCappedAtSixtyMinutes()
    {
        // Seed 18 reaches coda, which has no '->': it repeats forever, so the piece never ends.
        var headers = SeqEvents.Headers(SeqEvents.Write(Graph), "40", "--seed", "18");
        Assert.Equal(Enumerable.Repeat("coda", 22), headers.Skip(18).Select(h => h.Section));
        var (midi, error) = Render(Graph, "--seed", "18");
        // 24 bpm in 4/4 is 10 s a bar: 360 bars make 60 minutes.
        Assert.Contains("warning: the piece never ends: rendering the first 60 minutes (360 bars); use --bars N to choose the length", error);
        AssertLength(midi, 360, new Dictionary<string, int> { ["keys"] = 360, ["drums"] = 9 });
    }

    [Fact]
    public void AOnceFormEndsAfterItsBars()
    {
        var headers = SeqEvents.Headers(SeqEvents.Write(Once), "8");
        Assert.Equal(
            new[] { "intro 1/1", "verse 1/2", "verse 2/2", "chorus 1/2", "chorus 2/2", "verse 1/1", "(end)", "(end)" },
            headers.Select(h => h.Section is null ? "(end)" : $"{h.Section} {h.SectionBar}/{h.SectionBars}"));
        var (midi, error) = Render(Once);
        Assert.DoesNotContain("warning", error);
        // Six bars: a kick each, two snares in the chorus.
        AssertLength(midi, 6, new Dictionary<string, int> { ["keys"] = 6, ["drums"] = 6 + 2 });
    }

    [Fact]
    public void ALoopFormRepeatsAndItsRenderIsCappedAtSixtyMinutes()
    {
        var headers = SeqEvents.Headers(SeqEvents.Write(Loop), "12");
        Assert.All(headers, h => Assert.Equal((h.Bar % 4 < 2 ? "verse" : "chorus", (int)(h.Bar % 2) + 1), (h.Section!, h.SectionBar!.Value)));
        // The chorus chart restarts on each entry: C then D, never Em.
        Assert.All(headers.Where(h => h.Section == "chorus"), h => Assert.Equal(h.SectionBar == 1 ? "C" : "D", h.Chord));
        var (midi, error) = Render(Loop);
        // 30 bpm in 4/4 is 8 s a bar: 450 bars make 60 minutes.
        Assert.Contains("warning: the piece never ends: rendering the first 60 minutes (450 bars); use --bars N to choose the length", error);
        // The pad plays a four-note seventh chord in each verse bar: bars 0 and 1 of every 4, so 226 of 450.
        var verseBars = Enumerable.Range(0, 450).Count(b => b % 4 < 2);
        AssertLength(midi, 450, new Dictionary<string, int> { ["keys"] = 450, ["pad"] = 4 * verseBars });
    }

    [Fact]
    public void WithNoFormThePieceIsMainForeverAndItsRenderIsCapped()
    {
        var path = SeqEvents.Write(NoForm);
        var headers = SeqEvents.Headers(path, "8");
        Assert.All(headers, h => Assert.Equal(("main", (int?)null, "Dm7 G7 Cmaj7 Cmaj7".Split(' ')[h.Bar % 4]), (h.Section, h.SectionBar, h.Chord)));
        Assert.All(SeqEvents.Json(path, "8"), e => Assert.Equal(("main", (int?)null), (e.Section, e.SectionBar)));
        var (midi, error) = Render(NoForm);
        // 40 bpm in 3/4 is 4.5 s a bar: 800 bars make 60 minutes.
        Assert.Contains("rendering the first 60 minutes (800 bars)", error);
        AssertLength(midi, 800, new Dictionary<string, int> { ["keys"] = 800, ["drums"] = 1600 }, quartersPerBar: 3);
    }
}
