namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// One file per `harmony` style for the CLI tests: a key that suits it (varied, so sharps, flats, a style's own
/// mode over a key of another mode, and chromatic numerals all get spelled), seed 7, and a lane playing the chord.
/// <see cref="Mode"/> is the style's mode as docs/harmony.md names it (null: the style has none), as scale steps
/// written out here from music theory.
/// </summary>
public static class StyleCases
{
    public sealed record StyleCase(string Style, string Tonic, string KeyMode, IReadOnlyList<int>? Mode)
    {
        public int TonicPitchClass => ChordNames.PitchClass(Tonic);

        public string Source(string harmonyOptions = "") => $$"""
            key {{Tonic}} {{KeyMode}}
            seed 7
            harmony {{Style}}{{harmonyOptions}}
            track keys channel 1 {
              play "chord"
            }

            """;

        public override string ToString() => Style;
    }

    private static readonly int[] Major = { 0, 2, 4, 5, 7, 9, 11 };
    private static readonly int[] Aeolian = { 0, 2, 3, 5, 7, 8, 10 };
    private static readonly int[] Phrygian = { 0, 1, 3, 5, 7, 8, 10 };
    private static readonly int[] Lydian = { 0, 2, 4, 6, 7, 9, 11 };
    private static readonly int[] Dorian = { 0, 2, 3, 5, 7, 9, 10 };
    private static readonly int[] Mixolydian = { 0, 2, 4, 5, 7, 9, 10 };
    private static readonly int[] WholeTone = { 0, 2, 4, 6, 8, 10 };

    /// <summary>The eleven styles of SPEC §4, in its order, then the alias.</summary>
    public static IReadOnlyList<StyleCase> All { get; } = new StyleCase[]
    {
        new("functional_major", "D", "major", Major),
        new("turnaround", "Bb", "major", Major),
        // A style brings its own mode: C major with aeolian_minor plays (and spells) C aeolian.
        new("aeolian_minor", "C", "major", Aeolian),
        new("phrygian_minor", "E", "minor", Phrygian),
        new("lydian_major", "F", "major", Lydian),
        new("dorian_minor", "G", "minor", Dorian),
        new("chromatic_mediant", "E", "major", null),
        new("suspended", "A", "major", Major),
        new("mixolydian", "G", "major", Mixolydian),
        new("whole_tone", "Eb", "major", WholeTone),
        new("diminished", "F#", "minor", null),
        new("diatonic_major", "D", "major", Major),
    };

    public static StyleCase Named(string style) => All.Single(c => c.Style == style);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Style);
        return data;
    }
}
