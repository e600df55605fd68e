using System.Text.Json;
using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// SPEC §14's reference vectors (Strudel 1.2.6's events for each expression, tests/SeqLang.Compiler.Tests/
/// Vectors/pattern-functions.*) through the real command: a file holding the SeqLang lane that means the same,
/// `seq events FILE --bars 0:8 --json`, must print Strudel's onsets, ends and notes (as a multiset).
/// </summary>
public class PatternFunctionVectorCliTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "SeqLang.Compiler.Tests", "Vectors");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.cases.json")));
        foreach (var c in cases.RootElement.EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seq_events_prints_what_Strudel_plays(string id)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.cases.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.expected.json")));
        var lane = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetString()!;
        var reference = expected.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var cycles = expected.RootElement.GetProperty("cycles").GetInt32();
        var want = reference.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("value").GetProperty("note").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();

        var path = Path.Combine(Path.GetTempPath(), $"seq-vector-{id}-{Environment.ProcessId}.seq");
        File.WriteAllText(path, $"tempo 120\ntrack t channel 1 {{\n  {lane}\n}}\n");
        try
        {
            var result = SeqRun.Run("events", path, "--bars", $"0:{cycles}", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var have = JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
                .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("note").GetInt32()}")
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(want, have);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
