using System.Text.Json;
using SeqLang.Cli.Tests.Support;
using SeqLang.Core.Time;
using SeqLang.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// SPEC §12's shapes and §14's <c>arp "MINI"</c> against Strudel 1.2.6 (tests/SeqLang.Compiler.Tests/Vectors/signals.*
/// and arp.*) through the real command: `seq events FILE --bars 0:8 --json` must print what Strudel gives, read as the
/// compiler's vector tests read it (tests/SeqLang.Compiler.Tests/Support/StrudelReference.cs).
/// </summary>
public class SignalAndArpVectorCliTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "SeqLang.Compiler.Tests", "Vectors");

    public static TheoryData<string> SignalCases() => Ids("signals.cases.json");

    public static TheoryData<string> ArpCases() => Ids("arp.cases.json");

    [Theory]
    [MemberData(nameof(SignalCases))]
    public void Seq_events_sends_what_Strudel_segments(string id)
    {
        var (lane, steps, cycles) = StrudelReference.Signal(Folder, id);
        var sent = Events(id, lane, cycles)
            .Where(e => e.TryGetProperty("controller", out var c) && c.GetInt32() == 74)
            .Select(e => (Rational.Parse(e.GetProperty("begin").GetString()!), (long)e.GetProperty("value").GetInt32()))
            .OrderBy(e => e.Item1).ToList();
        Assert.Equal(StrudelReference.Messages(steps, sent), sent.Select(e => $"{e.Item1} {e.Item2}").ToList());
    }

    [Theory]
    [MemberData(nameof(ArpCases))]
    public void Seq_events_arpeggiates_as_Strudel_does(string id)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.cases.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.expected.json")));
        var lane = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetString()!;
        var reference = expected.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var want = reference.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {StrudelReference.Note(e.GetProperty("value"))}")
            .Order(StringComparer.Ordinal).ToList();
        var have = Events(id, lane, expected.RootElement.GetProperty("cycles").GetInt32())
            .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("note").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want, have);
    }

    private static TheoryData<string> Ids(string file)
    {
        var data = new TheoryData<string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        foreach (var c in cases.RootElement.EnumerateArray())
            if (c.GetProperty("seq").ValueKind == JsonValueKind.String) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static List<JsonElement> Events(string id, string lane, int cycles)
    {
        var path = Path.Combine(Path.GetTempPath(), $"seq-vector-{id}-{Environment.ProcessId}.seq");
        File.WriteAllText(path, $"tempo 120\ntrack t channel 1 {{\n  {lane}\n}}\n");
        try
        {
            var result = SeqRun.Run("events", path, "--bars", $"0:{cycles}", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            return JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
