using static SeqLang.Compiler.Harmony.HarmonicFunction;

namespace SeqLang.Compiler.Harmony;

internal static partial class HarmonyStyles
{
    // Weights are odds among one chord's moves. Moves that keep the root (Isus4 -> Iadd9) are written heavier,
    // because the walk divides them by 4 (HarmonyDamping.Standard) to keep progressions moving.

    /// <summary>Common-practice major: I, ii, iii, IV, V, V7, vi, vii°; V resolves home, ii and IV lead to V, vi to ii or IV.</summary>
    private static HarmonyStyle FunctionalMajor() => new StyleGraphBuilder("functional_major", "major")
        .Chord(0, "maj", Tonic).Chord(2, "m", Subdominant).Chord(4, "m", Colour).Chord(5, "maj", Subdominant)
        .Chord(7, "maj", Dominant).Chord(7, "7", Dominant).Chord(9, "m", Colour).Chord(11, "dim", Dominant)
        .Moves("I", ("IV", 4), ("V", 4), ("vi", 3), ("ii", 2), ("iii", 1))
        .Moves("ii", ("V", 5), ("V7", 3), ("vii°", 1), ("IV", 1))
        .Moves("iii", ("vi", 4), ("IV", 3), ("ii", 1))
        .Moves("IV", ("V", 4), ("I", 3), ("ii", 2), ("V7", 2), ("vii°", 1))
        .Moves("V", ("I", 6), ("vi", 3), ("IV", 1))
        .Moves("V7", ("I", 7), ("vi", 2))
        .Moves("vi", ("ii", 4), ("IV", 4), ("V", 1), ("iii", 1))
        .Moves("vii°", ("I", 4), ("iii", 1))
        .Build();

    /// <summary>The jazz turnaround in sevenths: Imaj7 vi7 ii7 V7, with iii7 standing in for Imaj7 and IVmaj7 for ii7.</summary>
    private static HarmonyStyle Turnaround() => new StyleGraphBuilder("turnaround", "major")
        .Chord(0, "maj7", Tonic).Chord(2, "m7", Subdominant).Chord(4, "m7", Colour).Chord(5, "maj7", Subdominant)
        .Chord(7, "7", Dominant).Chord(9, "m7", Colour)
        .Moves("Imaj7", ("vi7", 5), ("iii7", 2), ("ii7", 2), ("IVmaj7", 1))
        .Moves("ii7", ("V7", 7))
        .Moves("iii7", ("vi7", 5), ("IVmaj7", 1))
        .Moves("IVmaj7", ("iii7", 2), ("ii7", 2), ("V7", 2))
        .Moves("V7", ("Imaj7", 6), ("iii7", 1), ("vi7", 1))
        .Moves("vi7", ("ii7", 6), ("IVmaj7", 1))
        .Build();

    /// <summary>Natural minor: i, bIII, iv, v, bVI, bVII; the minor v and bVII lead home (no E7 in A aeolian).</summary>
    private static HarmonyStyle AeolianMinor() => new StyleGraphBuilder("aeolian_minor", "aeolian")
        .Chord(0, "m", Tonic).Chord(3, "maj", Colour).Chord(5, "m", Subdominant).Chord(7, "m", Dominant)
        .Chord(8, "maj", Colour).Chord(10, "maj", Dominant)
        .Moves("i", ("iv", 4), ("bVI", 4), ("bVII", 3), ("bIII", 2), ("v", 2))
        .Moves("bIII", ("bVI", 3), ("bVII", 3), ("iv", 2))
        .Moves("iv", ("v", 3), ("bVII", 3), ("i", 3), ("bVI", 1))
        .Moves("v", ("i", 5), ("bVI", 3), ("iv", 1))
        .Moves("bVI", ("bVII", 4), ("iv", 2), ("bIII", 2), ("v", 1))
        .Moves("bVII", ("i", 5), ("bIII", 3), ("bVI", 1))
        .Build();

    /// <summary>Phrygian: i–bII–bvii–iv; bII is the cadence chord, the semitone above home.</summary>
    private static HarmonyStyle PhrygianMinor() => new StyleGraphBuilder("phrygian_minor", "phrygian")
        .Chord(0, "m", Tonic).Chord(1, "maj", Dominant).Chord(3, "maj", Colour).Chord(5, "m", Subdominant)
        .Chord(8, "maj", Colour).Chord(10, "m", Subdominant)
        .Moves("i", ("bII", 5), ("bvii", 3), ("iv", 3), ("bVI", 2), ("bIII", 1))
        .Moves("bII", ("i", 6), ("bvii", 2), ("bIII", 1))
        .Moves("bIII", ("bII", 3), ("iv", 2), ("bVI", 1))
        .Moves("iv", ("bII", 3), ("i", 3), ("bvii", 2), ("bIII", 1))
        .Moves("bVI", ("bvii", 3), ("bII", 3), ("i", 1))
        .Moves("bvii", ("i", 4), ("bVI", 2), ("bII", 2))
        .Build();

    /// <summary>Lydian: the Imaj7–II vamp (II carries the raised fourth), with vii, iii, vi7 and Vmaj7 for colour.</summary>
    private static HarmonyStyle LydianMajor() => new StyleGraphBuilder("lydian_major", "lydian")
        .Chord(0, "maj7", Tonic).Chord(2, "maj", Dominant).Chord(4, "m", Colour).Chord(7, "maj7", Subdominant)
        .Chord(9, "m7", Colour).Chord(11, "m", Colour)
        .Moves("Imaj7", ("II", 5), ("vii", 2), ("Vmaj7", 2), ("vi7", 1), ("iii", 1))
        .Moves("II", ("Imaj7", 5), ("vii", 2), ("iii", 1))
        .Moves("iii", ("II", 2), ("vi7", 2), ("Imaj7", 1))
        .Moves("Vmaj7", ("II", 3), ("Imaj7", 2), ("vi7", 1))
        .Moves("vi7", ("II", 3), ("vii", 2), ("Imaj7", 1))
        .Moves("vii", ("Imaj7", 4), ("II", 2), ("iii", 1))
        .Build();

    /// <summary>Dorian: i7–IV7 (IV7 carries the raised sixth), with bVII, ii7, v7 and bIIImaj7.</summary>
    private static HarmonyStyle DorianMinor() => new StyleGraphBuilder("dorian_minor", "dorian")
        .Chord(0, "m7", Tonic).Chord(2, "m7", Colour).Chord(3, "maj7", Colour).Chord(5, "7", Subdominant)
        .Chord(7, "m7", Dominant).Chord(10, "maj", Dominant)
        .Moves("i7", ("IV7", 6), ("bVII", 3), ("ii7", 2), ("v7", 2), ("bIIImaj7", 1))
        .Moves("ii7", ("i7", 3), ("bIIImaj7", 3), ("v7", 2))
        .Moves("bIIImaj7", ("IV7", 3), ("ii7", 2), ("bVII", 2))
        .Moves("IV7", ("i7", 6), ("bVII", 2), ("v7", 1))
        .Moves("v7", ("i7", 4), ("IV7", 2), ("bVII", 1))
        .Moves("bVII", ("i7", 4), ("IV7", 2), ("bIIImaj7", 1))
        .Build();

    /// <summary>Open, unresolved major: sus2, sus4 and 7sus4 chords, resolving now and then to Iadd9.</summary>
    private static HarmonyStyle Suspended() => new StyleGraphBuilder("suspended", "major")
        .Chord(0, "sus2", Tonic).Chord(0, "sus4", Tonic).Chord(0, "add9", Tonic).Chord(2, "sus4", Subdominant)
        .Chord(5, "sus2", Subdominant).Chord(7, "sus4", Dominant).Chord(7, "7sus4", Dominant).Chord(9, "sus2", Colour)
        .Moves("Isus2", ("IVsus2", 4), ("Vsus4", 3), ("VIsus2", 2), ("Isus4", 2))
        .Moves("Isus4", ("Iadd9", 8), ("IVsus2", 2), ("VIsus2", 1))
        .Moves("Iadd9", ("IVsus2", 3), ("VIsus2", 2), ("V7sus4", 2), ("IIsus4", 1))
        .Moves("IIsus4", ("V7sus4", 4), ("Vsus4", 2), ("IVsus2", 1))
        .Moves("IVsus2", ("Isus2", 3), ("Vsus4", 3), ("IIsus4", 2))
        .Moves("Vsus4", ("Isus2", 4), ("VIsus2", 2), ("IVsus2", 1))
        .Moves("V7sus4", ("Iadd9", 5), ("Isus4", 2))
        .Moves("VIsus2", ("IVsus2", 4), ("IIsus4", 2), ("Vsus4", 1))
        .Build();

    /// <summary>Mixolydian: I–bVII–IV–I, with the minor v, vi and I7 (its seventh is the mode's flat seventh).</summary>
    private static HarmonyStyle Mixolydian() => new StyleGraphBuilder("mixolydian", "mixolydian")
        .Chord(0, "maj", Tonic).Chord(0, "7", Tonic).Chord(5, "maj", Subdominant).Chord(7, "m", Dominant)
        .Chord(9, "m", Colour).Chord(10, "maj", Dominant)
        .Moves("I", ("bVII", 5), ("IV", 3), ("v", 2), ("vi", 1), ("I7", 1))
        .Moves("I7", ("IV", 5), ("bVII", 2))
        .Moves("IV", ("I", 5), ("bVII", 2), ("v", 2))
        .Moves("v", ("IV", 3), ("I", 2), ("bVII", 2))
        .Moves("vi", ("IV", 3), ("bVII", 2), ("v", 1))
        .Moves("bVII", ("IV", 4), ("I", 4), ("v", 1))
        .Build();
}
