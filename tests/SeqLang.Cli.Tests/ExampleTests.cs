using SeqLang.Cli.Tests.Support;
using SeqLang.Compiler;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// Every file in examples/ renders, and the .mid it makes is read back by an independent reader (mido):
/// format 1, ppq 480, the conductor plus one track per `track`, balanced notes, no note struck while it
/// sounds. What mido reads is the golden snapshot, so a change to any example's output shows in review.
/// </summary>
public class ExampleTests
{
    private const int Bars = 8;

    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Repository.Examples, "*.seq").OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Fact]
    public void ThereAreExamples() => Assert.True(Examples().Count() >= 8, "examples/ should hold the eight examples of the README");

    [Theory]
    [MemberData(nameof(Examples))]
    public void ChecksClean(string name)
    {
        var result = SeqRun.Run("check", Path.Combine(Repository.Examples, name));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(": warning:", result.Error);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void RendersAFileAnIndependentReaderAccepts(string name)
    {
        var path = Path.Combine(Repository.Examples, name);
        var output = Path.Combine(SeqRun.TempDirectory(), Path.ChangeExtension(name, ".mid"));
        var result = SeqRun.Run("render", path, "-o", output, "--bars", Bars.ToString());
        Assert.True(result.ExitCode == 0, result.Error);

        Assert.Empty(IndependentMidiReader.Check(output, 480));
        var file = IndependentMidiReader.Dump(output);
        Assert.Equal(1, file.Type);
        Assert.Equal(480, file.TicksPerBeat);
        var compilation = SeqCompiler.Compile(path, File.ReadAllBytes(path), new CompileOptions());
        var piece = compilation.Piece!;
        Assert.Equal(1 + piece.Tracks.Count, file.Tracks.Count);
        Assert.Equal(piece.Settings.Title, file.Tracks[0].Name);
        for (var i = 0; i < piece.Tracks.Count; i++) Assert.Equal(piece.Tracks[i].Name, file.Tracks[i + 1].Name);
        Assert.Contains(file.Tracks.Skip(1).SelectMany(t => t.Messages), m => m.Type == "note_on" && m.Velocity > 0);

        var lines = file.Tracks.SelectMany((t, i) => t.Messages.Select(m => $"track {i}: {m}"));
        Snapshot.Match($"examples/{Path.GetFileNameWithoutExtension(name)}.mido.txt", string.Join('\n', lines) + "\n");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void RendersByteIdenticalFilesForTheSameInput(string name)
    {
        var path = Path.Combine(Repository.Examples, name);
        var folder = SeqRun.TempDirectory();
        var a = Path.Combine(folder, "a.mid");
        var b = Path.Combine(folder, "b.mid");
        Assert.Equal(0, SeqRun.Run("render", path, "-o", a, "--bars", Bars.ToString()).ExitCode);
        Assert.Equal(0, SeqRun.Run("render", path, "-o", b, "--bars", Bars.ToString()).ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }
}
