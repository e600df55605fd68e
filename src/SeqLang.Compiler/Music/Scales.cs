namespace SeqLang.Compiler.Music;

/// <summary>The built-in modes of SPEC §2 as semitone steps from the tonic.</summary>
public static class Scales
{
    private static readonly Dictionary<string, int[]> BuiltIn = new(StringComparer.Ordinal)
    {
        ["major"] = new[] { 0, 2, 4, 5, 7, 9, 11 },
        ["ionian"] = new[] { 0, 2, 4, 5, 7, 9, 11 },
        ["minor"] = new[] { 0, 2, 3, 5, 7, 8, 10 },
        ["aeolian"] = new[] { 0, 2, 3, 5, 7, 8, 10 },
        ["dorian"] = new[] { 0, 2, 3, 5, 7, 9, 10 },
        ["phrygian"] = new[] { 0, 1, 3, 5, 7, 8, 10 },
        ["lydian"] = new[] { 0, 2, 4, 6, 7, 9, 11 },
        ["mixolydian"] = new[] { 0, 2, 4, 5, 7, 9, 10 },
        ["locrian"] = new[] { 0, 1, 3, 5, 6, 8, 10 },
        ["harmonic_minor"] = new[] { 0, 2, 3, 5, 7, 8, 11 },
        ["melodic_minor"] = new[] { 0, 2, 3, 5, 7, 9, 11 },
        ["major_pentatonic"] = new[] { 0, 2, 4, 7, 9 },
        ["minor_pentatonic"] = new[] { 0, 3, 5, 7, 10 },
        ["blues"] = new[] { 0, 3, 5, 6, 7, 10 },
        ["chromatic"] = new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
        ["whole_tone"] = new[] { 0, 2, 4, 6, 8, 10 },
        ["hirajoshi"] = new[] { 0, 2, 3, 7, 8 },
        ["in_sen"] = new[] { 0, 1, 5, 7, 10 },
        ["iwato"] = new[] { 0, 1, 5, 6, 10 },
        ["yo"] = new[] { 0, 2, 5, 7, 9 },
        ["egyptian"] = new[] { 0, 2, 5, 7, 10 },
    };

    public static IReadOnlyCollection<string> Names => BuiltIn.Keys;

    public static bool TryGet(string name, out int[] steps) => BuiltIn.TryGetValue(name, out steps!);

    /// <summary>
    /// Major- or minor-like modes get a key signature in the MIDI file (SPEC §7): those whose third is
    /// major or minor within a diatonic or pentatonic frame. Symmetric and exotic scales get none.
    /// </summary>
    public static bool? IsMinorLike(string name) => name switch
    {
        "major" or "ionian" or "lydian" or "mixolydian" or "major_pentatonic" => false,
        "minor" or "aeolian" or "dorian" or "phrygian" or "locrian" or "harmonic_minor" or "melodic_minor"
            or "minor_pentatonic" or "blues" => true,
        _ => null,
    };

    /// <summary>The pitch of a 0-based scale degree (negative allowed) above the tonic at <paramref name="tonicMidi"/>.</summary>
    public static int Degree(int[] steps, int tonicMidi, int degree)
    {
        var n = steps.Length;
        var octave = (int)Math.Floor(degree / (double)n);
        var index = degree - octave * n;
        return tonicMidi + 12 * octave + steps[index];
    }
}
