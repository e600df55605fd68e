namespace SeqLang.Compiler.Music;

/// <summary>Chord qualities of SPEC §3 (Tidal's names) as semitones above the root.</summary>
internal static class ChordQuality
{
    private static readonly Dictionary<string, int[]> Table = new(StringComparer.Ordinal)
    {
        [""] = new[] { 0, 4, 7 },
        ["maj"] = new[] { 0, 4, 7 },
        ["m"] = new[] { 0, 3, 7 },
        ["7"] = new[] { 0, 4, 7, 10 },
        ["maj7"] = new[] { 0, 4, 7, 11 },
        ["m7"] = new[] { 0, 3, 7, 10 },
        ["dim"] = new[] { 0, 3, 6 },
        ["dim7"] = new[] { 0, 3, 6, 9 },
        ["aug"] = new[] { 0, 4, 8 },
        ["sus2"] = new[] { 0, 2, 7 },
        ["sus4"] = new[] { 0, 5, 7 },
        ["6"] = new[] { 0, 4, 7, 9 },
        ["m6"] = new[] { 0, 3, 7, 9 },
        ["9"] = new[] { 0, 4, 7, 10, 14 },
        ["maj9"] = new[] { 0, 4, 7, 11, 14 },
        ["m9"] = new[] { 0, 3, 7, 10, 14 },
        ["add9"] = new[] { 0, 4, 7, 14 },
        ["m7b5"] = new[] { 0, 3, 6, 10 },
        ["7sus4"] = new[] { 0, 5, 7, 10 },
        ["11"] = new[] { 0, 4, 7, 10, 14, 17 },
        ["13"] = new[] { 0, 4, 7, 10, 14, 17, 21 },
    };

    public static IEnumerable<string> Names => Table.Keys.Where(k => k.Length > 0);

    public static bool TryGet(string quality, out int[] intervals) => Table.TryGetValue(quality, out intervals!);
}
