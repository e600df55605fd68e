namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Names of pitch classes, and which accidental a key reads in. A key written with an accidental keeps it
/// (<c>Bb</c>, <c>Eb minor</c>: flats; <c>F#</c>, <c>C# minor</c>: sharps), because the musician chose that
/// spelling. A natural tonic takes the side of the circle of fifths its key signature sits on: the
/// mode's relative major (C for A aeolian and D dorian, F for D minor, Eb for C minor) is found from the
/// mode's steps, and F, Bb, Eb, Ab, Db take flats while C, G, D, A, E, B take sharps (C has none, so its
/// chromatic chords default to sharps). Gb/F# as a relative major, reached only by F locrian and B
/// lydian, follows the tonic itself (F: flats, B: sharps).
/// </summary>
internal static class KeySpelling
{
    private static readonly string[] SharpNames = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    private static readonly string[] FlatNames = { "C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B" };
    private static readonly int[] Major = { 0, 2, 4, 5, 7, 9, 11 };

    /// <summary>The name of pitch class 0..11 (0 = C) in <paramref name="spelling"/>.</summary>
    public static string Name(int pitchClass, NoteSpelling spelling)
    {
        if (pitchClass is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(pitchClass), pitchClass, "a pitch class is 0 to 11");
        return spelling == NoteSpelling.Flats ? FlatNames[pitchClass] : SharpNames[pitchClass];
    }

    /// <summary>
    /// The spelling of a key whose tonic is written <paramref name="tonicText"/> (e.g. <c>E</c>, <c>Bb</c>,
    /// <c>f#</c>), with pitch class <paramref name="tonic"/> and a mode of <paramref name="modeSteps"/>
    /// (semitones above the tonic, as <c>Scales</c> gives them).
    /// </summary>
    public static NoteSpelling For(string tonicText, int tonic, IReadOnlyList<int> modeSteps)
    {
        // The letter itself may be 'b' (B), so only what follows it is an accidental.
        for (var i = 1; i < tonicText.Length; i++)
        {
            if (tonicText[i] == 'b') return NoteSpelling.Flats;
            if (tonicText[i] is '#' or 's') return NoteSpelling.Sharps;
        }
        var relativeMajor = ((tonic - RelativeMajorOffset(modeSteps)) % 12 + 12) % 12;
        var fifths = FifthsAboveC(relativeMajor);
        if (fifths == 6) fifths = FifthsAboveC(tonic);
        return fifths is >= 7 and <= 11 ? NoteSpelling.Flats : NoteSpelling.Sharps;
    }

    /// <summary>Steps clockwise from C on the circle of fifths: G = 1, D = 2, ... F# = 6, Db = 7, ... F = 11.</summary>
    private static int FifthsAboveC(int pitchClass) => pitchClass * 7 % 12;

    /// <summary>
    /// How far the mode's tonic sits above its relative major's tonic: 0 for ionian, 2 dorian, ... 9 aeolian.
    /// Modes that are no rotation of the major scale (harmonic minor, pentatonics, whole tone ...) are read as
    /// aeolian when they have a minor third and no major third, and as ionian otherwise.
    /// </summary>
    private static int RelativeMajorOffset(IReadOnlyList<int> modeSteps)
    {
        if (modeSteps.Count == Major.Length)
        {
            for (var degree = 0; degree < Major.Length; degree++)
            {
                var isRotation = true;
                for (var i = 0; i < Major.Length && isRotation; i++)
                    isRotation = (Major[(degree + i) % 7] - Major[degree] + 12) % 12 == modeSteps[i];
                if (isRotation) return Major[degree];
            }
        }
        return modeSteps.Contains(3) && !modeSteps.Contains(4) ? 9 : 0;
    }
}
