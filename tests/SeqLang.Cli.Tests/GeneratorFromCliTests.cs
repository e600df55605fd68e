using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// SPEC §15: a generator's state is walked from bar 0, so <c>seq render --from B</c> plays exactly the bars a full render
/// plays from B (the Markov bass, the Narmour melody over generated harmony, the automata), whatever bar it starts at.
/// </summary>
public class GeneratorFromCliTests
{
    [Theory]
    [InlineData("narmour-melody.seq", 5)]
    [InlineData("narmour-melody.seq", 13)]
    [InlineData("evolving-techno.seq", 11)]
    public void Render_from_a_bar_equals_those_bars_of_a_full_render(string example, int from)
    {
        const int bars = 20;
        var path = Path.Combine(Repository.Examples, example);
        var folder = SeqRun.TempDirectory();
        var full = Path.Combine(folder, "full.mid");
        var tail = Path.Combine(folder, "tail.mid");
        Assert.Equal(0, SeqRun.Run("render", path, "-o", full, "--bars", $"{bars}").ExitCode);
        var result = SeqRun.Run("render", path, "-o", tail, "--from", $"{from}", "--bars", $"{bars - from}");
        Assert.True(result.ExitCode == 0, result.Error);

        var barTicks = 4 * 480;
        List<string> Notes(string file, int shift) => SeqLang.Midi.SmfReader.ReadFile(file).Tracks
            .SelectMany(t => t.Events.Where(e => e.IsNoteOn).Select(e => $"{t.Name} {e.Tick + shift} {e.Note} {e.Velocity}"))
            .Order(StringComparer.Ordinal).ToList();
        var expected = Notes(full, 0).Where(n => long.Parse(n.Split(' ')[1]) >= from * barTicks).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Notes(tail, from * barTicks));
    }
}
