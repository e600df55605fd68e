using System.Text.Json;
using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// The Strudel reference vectors through the real command, exactly as SPEC §8 states the contract:
/// `seq events --mini S --cycles 4 --json` prints the expected events (as a multiset); an error case
/// exits 1 with a diagnostic.
/// </summary>
public class MiniVectorCliTests
{
    private static readonly string VectorFile = Path.Combine(Repository.Root, "tests", "SeqLang.Compiler.Tests", "Vectors", "public.expected.json");

    public static IEnumerable<object[]> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorFile));
        var index = 0;
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
            yield return new object[] { index++, c.GetProperty("mini").GetString()! };
    }

    [Fact]
    public void TheVectorsAreTheSharedOnes()
    {
        var shared = Path.Combine(Repository.Root, "..", "shared", "mini-vectors", "public.expected.json");
        if (File.Exists(shared)) Assert.Equal(File.ReadAllText(shared), File.ReadAllText(VectorFile));
        Assert.True(Cases().Count() >= 70);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EventsMatchStrudel(int index, string mini)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorFile));
        var expected = document.RootElement.GetProperty("cases")[index];
        var result = SeqRun.Run("events", "--mini", mini, "--cycles", "4", "--json");
        if (expected.TryGetProperty("error", out _))
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error:", result.Error);
            return;
        }
        Assert.True(result.ExitCode == 0, result.Error);
        var actual = Canonical(JsonDocument.Parse(result.Out).RootElement);
        Assert.Equal(Canonical(expected.GetProperty("events")), actual);
    }

    /// <summary>A value compared by what it says, not by how its JSON escapes characters.</summary>
    private static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? "s:" + value.GetString() : "j:" + value.GetRawText();

    /// <summary>Each event as compact JSON text, sorted: equal lists mean equal multisets.</summary>
    private static List<string> Canonical(JsonElement events) =>
        events.EnumerateArray()
            .Select(e => $"{e.GetProperty("begin").GetString()}|{e.GetProperty("end").GetString()}|{Value(e.GetProperty("value"))}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
