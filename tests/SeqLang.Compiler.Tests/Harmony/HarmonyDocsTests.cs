using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Music;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>
/// docs/harmony.md shows tables made from the code: each style's graph, the chord-symbol spellings, the pull of
/// each function. Each table is rendered here and must appear in the page verbatim, so the page cannot drift
/// from what the compiler does. When a table changes on purpose, paste the rendered table from the failure.
/// </summary>
public class HarmonyDocsTests
{
    private static string Page { get; } = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "harmony.md")).ReplaceLineEndings("\n");

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    public static TheoryData<string> StyleNames()
    {
        var data = new TheoryData<string>();
        foreach (var style in HarmonyStyles.All) data.Add(style.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void EachStylesGraphIsInThePage(string name)
    {
        Assert.True(HarmonyStyles.TryGet(name, out var style));
        AssertInPage(StyleTable(style));
    }

    [Fact]
    public void TheChordSymbolSpellingsAreInThePage() => AssertInPage(QualityTable());

    [Fact]
    public void ThePullOfEachFunctionIsInThePage() => AssertInPage(PullTable());

    [Fact]
    public void TheDampingFactorsAreInThePage()
    {
        var d = HarmonyDamping.Standard;
        AssertInPage($"d₁ = {Number(d.SameRootAsCurrent)}, d₂ = {Number(d.SameRootAsPrevious)}, Strength = {Number(TransitionWeights.Strength)}");
    }

    private static void AssertInPage(string table) =>
        Assert.True(Page.Contains(table, StringComparison.Ordinal), "docs/harmony.md lacks this table, rendered from the code:\n\n" + table);

    /// <summary>One row per chord: its numeral, the chord in C (in the style's spelling), its function and its moves with weights.</summary>
    public static string StyleTable(HarmonyStyle style)
    {
        var major = new[] { 0, 2, 4, 5, 7, 9, 11 };
        var spelling = KeySpelling.For("C", 0, style.Mode is { Count: 7 } mode ? mode : major);
        var table = new StringBuilder();
        table.Append("| chord | in C | function | moves to (weight) |\n|---|---|---|---|\n");
        for (var i = 0; i < style.Chords.Count; i++)
        {
            var chord = style.Chords[i];
            var moves = string.Join(", ", style.Moves[i].Select(m => $"{style.Chords[m.To].Numeral} {m.Weight}"));
            table.Append(CultureInfo.InvariantCulture,
                $"| {chord.Numeral} | {style.ChordInKey(i, 0, spelling).Name} | {chord.Function.ToString().ToLowerInvariant()} | {moves} |\n");
        }
        return table.ToString();
    }

    /// <summary>One row per §3 quality, in the order of the spellings table: how it may be written, and its semitones.</summary>
    public static string QualityTable()
    {
        var table = new StringBuilder();
        table.Append("| quality | written | semitones above the root |\n|---|---|---|\n");
        foreach (var group in LeadSheetQualities.All.GroupBy(p => p.Quality))
        {
            ChordQuality.TryGet(group.Key, out var intervals);
            var written = string.Join(" ", group.Select(p => p.Spelling.Length == 0 ? "(nothing)" : $"`{p.Spelling}`"));
            table.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {written} | {string.Join(" ", intervals)} |\n");
        }
        return table.ToString();
    }

    public static string PullTable()
    {
        var table = new StringBuilder();
        table.Append("| function | Pull | weight × at G = 1 |\n|---|---|---|\n");
        foreach (var function in new[] { HarmonicFunction.Tonic, HarmonicFunction.Dominant, HarmonicFunction.Subdominant, HarmonicFunction.Colour })
        {
            var pull = TransitionWeights.Pull(function);
            table.Append(CultureInfo.InvariantCulture,
                $"| {function.ToString().ToLowerInvariant()} | {Number(pull)} | {Number(1 + TransitionWeights.Strength * pull)} |\n");
        }
        return table.ToString();
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
