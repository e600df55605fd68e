namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Chord-quality spellings found on lead sheets, each mapped to one quality of SPEC §3. Case matters
/// (<c>M7</c> is major seventh, <c>m7</c> minor seventh), as it does on a lead sheet.
/// </summary>
internal static class LeadSheetQualities
{
    /// <summary>Every accepted spelling and its §3 quality, in the order the docs list them.</summary>
    public static IReadOnlyList<(string Spelling, string Quality)> All { get; } = new (string, string)[]
    {
        ("", "maj"), ("maj", "maj"),
        ("m", "m"), ("min", "m"), ("-", "m"),
        ("7", "7"),
        ("maj7", "maj7"), ("M7", "maj7"), ("Δ", "maj7"), ("Δ7", "maj7"),
        ("m7", "m7"), ("min7", "m7"), ("-7", "m7"),
        ("dim", "dim"), ("°", "dim"),
        ("dim7", "dim7"), ("°7", "dim7"),
        ("aug", "aug"), ("+", "aug"),
        ("sus2", "sus2"),
        ("sus4", "sus4"), ("sus", "sus4"),
        ("6", "6"),
        ("m6", "m6"), ("min6", "m6"), ("-6", "m6"),
        ("9", "9"),
        ("maj9", "maj9"), ("M9", "maj9"), ("Δ9", "maj9"),
        ("m9", "m9"), ("min9", "m9"), ("-9", "m9"),
        ("add9", "add9"),
        ("m7b5", "m7b5"), ("min7b5", "m7b5"), ("-7b5", "m7b5"), ("ø", "m7b5"), ("ø7", "m7b5"),
        ("7sus4", "7sus4"), ("7sus", "7sus4"),
        ("11", "11"),
        ("13", "13"),
    };

    private static readonly Dictionary<string, string> BySpelling = All.ToDictionary(p => p.Spelling, p => p.Quality, StringComparer.Ordinal);

    /// <summary>The spellings a did-you-mean may offer (the empty one helps nobody).</summary>
    public static IEnumerable<string> Spellings => All.Select(p => p.Spelling).Where(s => s.Length > 0);

    /// <summary>The §3 quality written <paramref name="spelling"/>, e.g. <c>-7</c> gives <c>m7</c>.</summary>
    public static bool TryGet(string spelling, out string quality) => BySpelling.TryGetValue(spelling, out quality!);
}
