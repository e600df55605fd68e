using System.Diagnostics.CodeAnalysis;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// The eleven styles of SPEC §4 by name. The graphs themselves are in <c>HarmonyStyles.Diatonic.cs</c> (styles
/// that keep to one mode) and <c>HarmonyStyles.Chromatic.cs</c> (styles that do not); docs/harmony.md shows
/// each as a table, checked against the code by a test.
/// </summary>
internal static partial class HarmonyStyles
{
    /// <summary>The styles in the order of SPEC §4.</summary>
    public static IReadOnlyList<HarmonyStyle> All { get; } = new[]
    {
        FunctionalMajor(), Turnaround(), AeolianMinor(), PhrygianMinor(), LydianMajor(), DorianMinor(),
        ChromaticMediant(), Suspended(), Mixolydian(), WholeTone(), Diminished(),
    };

    private static readonly Dictionary<string, HarmonyStyle> ByName = BuildIndex();

    /// <summary>Every name <c>harmony</c> accepts, aliases included, for did-you-mean.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The style called <paramref name="name"/> (case-sensitive, like every keyword); <c>diatonic_major</c> is <c>functional_major</c>.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out HarmonyStyle style) => ByName.TryGetValue(name, out style);

    private static Dictionary<string, HarmonyStyle> BuildIndex()
    {
        var index = All.ToDictionary(s => s.Name, StringComparer.Ordinal);
        index["diatonic_major"] = index["functional_major"];
        return index;
    }
}
