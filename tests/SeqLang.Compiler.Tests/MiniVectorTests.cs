using System.Text.Json;
using SeqLang.Compiler.Mini;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// Every case of Strudel's reference vectors (Vectors/public.expected.json, made by Strudel 1.2.6) run
/// through <see cref="MiniEvents"/>: the events of cycles 0..3 must equal Strudel's as a multiset, and
/// strings Strudel rejects must be rejected with an error diagnostic.
/// </summary>
public sealed class MiniVectorTests
{
    private static readonly Lazy<(int Cycles, Dictionary<string, JsonElement> Cases)> Vectors = new(Load);

    private static (int, Dictionary<string, JsonElement>) Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "public.expected.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
            cases[item.GetProperty("mini").GetString()!] = item.Clone();
        return (document.RootElement.GetProperty("cycles").GetInt32(), cases);
    }

    /// <summary>The cases in public.txt order (one mini-notation string per line; '#' lines are comments).</summary>
    public static TheoryData<string> Cases() => new(Lines());

    private static List<string> Lines() => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Vectors", "public.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToList();

    [Fact]
    public void Every_listed_case_has_an_expectation()
    {
        var (_, cases) = Vectors.Value;
        foreach (var mini in Lines()) Assert.True(cases.ContainsKey(mini), $"no expectation for \"{mini}\"");
        Assert.Equal(cases.Count, Lines().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_strudel(string mini)
    {
        var (cycles, cases) = Vectors.Value;
        var expected = cases[mini];
        var result = MiniEvents.Run(mini, cycles, seed: 0);
        if (expected.TryGetProperty("error", out _))
        {
            Assert.False(result.Succeeded, $"\"{mini}\" should be rejected");
            Assert.Contains(result.Diagnostics, d => d.IsError);
            return;
        }
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var want = expected.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("value").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        using var printed = JsonDocument.Parse(result.ToJson());
        var got = printed.RootElement.EnumerateArray()
            .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("value").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want, got);
    }
}
