using System.Text.Json;
using SeqLang.Cli.Tests.Support;
using SeqLang.Midi;

namespace SeqLang.Cli.Tests;

/// <summary>Form through the command line (SPEC §5, §8): the render's length, sections per bar in `events`.</summary>
public class FormCliTests
{
    private const string Song = """
        tempo 120
        form intro 1, verse 2, chorus 1
        track d channel 10 {
          kick "x"
          in verse { snare "~ x" }
          in chorus { hat "x*4" }
        }
        """;

    private static string Write(string text)
    {
        var path = Path.Combine(SeqRun.TempDirectory(), "song.seq");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RenderRunsToTheFormsEndWithoutAWarning()
    {
        var path = Write(Song);
        var output = Path.ChangeExtension(path, ".mid");
        var result = SeqRun.Run("render", path);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("warning", result.Error);
        var file = SmfReader.Read(File.ReadAllBytes(output));
        var notes = file.Tracks[1].Events.Where(e => e.IsNoteOn).ToList();
        // 4 bars of kicks, 2 snares in the verse, 4 hats in the chorus.
        Assert.Equal(4 + 2 + 4, notes.Count);
        Assert.True(notes.Max(n => n.Tick) < 4 * 4 * 480);
    }

    [Fact]
    public void BarsOverridesTheFormAndBarsAfterTheEndAreSilent()
    {
        var path = Write(Song);
        var output = Path.ChangeExtension(path, ".mid");
        Assert.Equal(0, SeqRun.Run("render", path, "--bars", "6").ExitCode);
        var notes = SmfReader.Read(File.ReadAllBytes(output)).Tracks[1].Events.Where(e => e.IsNoteOn).ToList();
        Assert.Equal(10, notes.Count);
    }

    [Fact]
    public void FromPastTheEndIsAUsageError()
    {
        var result = SeqRun.Run("render", Write(Song), "--from", "4");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("past the piece's end", result.Error);
    }

    [Fact]
    public void EventsTextPrintsTheSectionOfEachBar()
    {
        var result = SeqRun.Run("events", Write(Song), "--bars", "5");
        Assert.Equal(0, result.ExitCode);
        var headers = result.Out.Split('\n').Where(l => l.StartsWith("bar ")).ToList();
        Assert.Equal(new[] { "bar 0 · intro 1/1", "bar 1 · verse 1/2", "bar 2 · verse 2/2", "bar 3 · chorus 1/1", "bar 4 · after the end of the form" }, headers);
    }

    [Fact]
    public void EventsJsonCarriesTheSection()
    {
        var result = SeqRun.Run("events", Write(Song), "--bars", "4", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var sections = json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("bar").GetInt64(), e.GetProperty("section").GetString()!, e.GetProperty("sectionBar").GetInt64()))
            .Distinct().ToList();
        Assert.Equal(new[] { (0L, "intro", 1L), (1L, "verse", 1L), (2L, "verse", 2L), (3L, "chorus", 1L) }, sections);
    }

    [Fact]
    public void WeightedGraphFollowsTheSeed()
    {
        const string graph = """
            form {
              a 1 -> a | b
              b 1 -> a | b
            }
            track d channel 10 {
              in a { kick "x" }
              in b { snare "x" }
            }
            """;
        var path = Write(graph);
        string Sections(string seed) => string.Join(",", SeqRun.Run("events", path, "--bars", "40", "--seed", seed).Out
            .Split('\n').Where(l => l.StartsWith("bar ")).Select(l => l.Split(" · ")[1]));
        Assert.Equal(40, Sections("1").Split(',').Length);
        Assert.Equal(Sections("1"), Sections("1"));
        Assert.NotEqual(Sections("1"), Sections("2"));
    }

    [Fact]
    public void SectionTempoIsWrittenAtEachEntryAndTheFileTempoReturnsAfter()
    {
        const string piece = """
            tempo 120
            form verse 2, chorus 2, verse 1, outro 1
            in chorus {
              tempo 140
            }
            in outro {
              tempo 100 -> 60 over 1 bar
            }
            track d channel 10 { kick "x" }
            """;
        var path = Write(piece);
        Assert.Equal(0, SeqRun.Run("render", path).ExitCode);
        // Read by mido, independently: (tick, bpm) of every tempo event of the conductor track.
        var file = SeqLang.Midi.Tests.Support.IndependentMidiReader.Dump(Path.ChangeExtension(path, ".mid"));
        var tempos = file.Tracks[0].Messages.Where(m => m.Type == "set_tempo").Select(m => (m.Tick, Bpm: Math.Round(60_000_000.0 / m.Tempo!.Value, 3))).ToList();
        Assert.True(tempos.Count >= 4, string.Join(", ", tempos));
        var bar = 4 * 480;
        Assert.Equal((0L, 120.0), tempos[0]);
        Assert.Contains((2L * bar, 140.0), tempos);
        Assert.Contains((4L * bar, 120.0), tempos);
        // The outro's ramp: 100 at its start, a tempo per quarter, 60 at the end of the piece.
        Assert.Contains((5L * bar, 100.0), tempos);
        Assert.Contains((5L * bar + 480, 90.0), tempos);
        Assert.Contains((6L * bar, 60.0), tempos);
    }
}
