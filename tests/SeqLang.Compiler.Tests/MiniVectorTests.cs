using System.Text.Json;
using SeqLang.Compiler.Mini;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// Every case of Strudel's reference vectors run through <see cref="MiniEvents"/>: the events of cycles
/// 0..3 must equal Strudel's as a multiset, and strings Strudel rejects must be rejected with an error.
/// Vectors/public.* are the shared reference (Strudel 1.2.6); Vectors/strudel-extra.* are more cases
/// whose expectations were produced the same way (Strudel 1.2.6 queried over cycles 0..3): edge cases of
/// every operator, and generated nestings of every operator inside every other.
/// </summary>
public sealed class MiniVectorTests
{
    private static readonly Dictionary<string, Lazy<(int Cycles, Dictionary<string, JsonElement> Cases)>> Sets = new()
    {
        ["public"] = new(() => Load("public")),
        ["strudel-extra"] = new(() => Load("strudel-extra")),
    };

    private static (int, Dictionary<string, JsonElement>) Load(string set)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", set + ".expected.json")));
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
            cases[item.GetProperty("mini").GetString()!] = item.Clone();
        return (document.RootElement.GetProperty("cycles").GetInt32(), cases);
    }

    /// <summary>The cases of a set in file order (one mini-notation string per line; '#' lines are comments).</summary>
    private static List<string> Lines(string set) => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Vectors", set + ".txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToList();

    public static TheoryData<string> PublicCases() => new(Lines("public"));

    public static TheoryData<string> ExtraCases() => new(Lines("strudel-extra"));

    [Theory]
    [InlineData("public")]
    [InlineData("strudel-extra")]
    public void Every_listed_case_has_an_expectation(string set)
    {
        var (_, cases) = Sets[set].Value;
        foreach (var mini in Lines(set)) Assert.True(cases.ContainsKey(mini), $"no expectation for \"{mini}\"");
        Assert.Equal(cases.Count, Lines(set).Count);
    }

    [Theory]
    [MemberData(nameof(PublicCases))]
    public void Matches_strudel(string mini) => Check("public", mini);

    [Theory]
    [MemberData(nameof(ExtraCases))]
    public void Matches_strudel_on_more_cases(string mini) => Check("strudel-extra", mini);

    private static void Check(string set, string mini)
    {
        var (cycles, cases) = Sets[set].Value;
        var expected = cases[mini];
        var result = MiniEvents.Run(mini, cycles, seed: 0);
        if (expected.TryGetProperty("error", out _))
        {
            Assert.False(result.Succeeded, $"\"{mini}\" should be rejected");
            Assert.Contains(result.Diagnostics, d => d.IsError);
            return;
        }
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        using var printed = JsonDocument.Parse(result.ToJson());
        Assert.Equal(Events(expected.GetProperty("events")), Events(printed.RootElement));
    }

    private static List<string> Events(JsonElement array) => array.EnumerateArray()
        .Select(e => $"{e.GetProperty("begin").GetString()} {e.GetProperty("end").GetString()} {e.GetProperty("value").GetString()}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
