using static SeqLang.Compiler.Harmony.HarmonicFunction;

namespace SeqLang.Compiler.Harmony;

internal static partial class HarmonyStyles
{
    /// <summary>
    /// Film-score mediants: major chords on I, bIII, III, IV, V, bVI, VI, each moving to major chords a major or
    /// minor third away, plus the cadences IV→I and V→I that keep a sense of home.
    /// </summary>
    private static HarmonyStyle ChromaticMediant() => new StyleGraphBuilder("chromatic_mediant", null)
        .Chord(0, "maj", Tonic).Chord(3, "maj", Colour).Chord(4, "maj", Colour).Chord(5, "maj", Subdominant)
        .Chord(7, "maj", Dominant).Chord(8, "maj", Colour).Chord(9, "maj", Colour)
        .Moves("I", ("bVI", 4), ("III", 3), ("bIII", 3), ("VI", 3))
        .Moves("bIII", ("I", 4), ("V", 3))
        .Moves("III", ("I", 3), ("bVI", 3), ("V", 2))
        .Moves("IV", ("bVI", 3), ("VI", 3), ("I", 2))
        .Moves("V", ("I", 4), ("bIII", 3), ("III", 3))
        .Moves("bVI", ("I", 4), ("III", 3), ("IV", 3))
        .Moves("VI", ("I", 3), ("IV", 3))
        .Build();

    /// <summary>
    /// Augmented triads on the six roots of the whole-tone scale, stepping a whole tone either way or jumping a
    /// tritone. §3 has no 7#5 or 9#5, so the augmented triad is the one quality made only of whole-tone tones.
    /// </summary>
    private static HarmonyStyle WholeTone()
    {
        var builder = new StyleGraphBuilder("whole_tone", "whole_tone");
        for (var root = 0; root < 12; root += 2)
            builder.Chord(root, "aug", root switch { 0 => Tonic, 10 => Dominant, 2 => Subdominant, _ => Colour });
        for (var root = 0; root < 12; root += 2)
            builder.Moves(Numeral(root, "aug"), (Numeral(root + 2, "aug"), 3), (Numeral(root - 2, "aug"), 3), (Numeral(root + 6, "aug"), 1));
        return builder.Build();
    }

    /// <summary>
    /// Diminished sevenths on all twelve roots, moving by minor thirds (the same four notes over a new root) or
    /// by semitones (a new chord). The semitone neighbours of home lead to it; the minor-third roots share its notes.
    /// </summary>
    private static HarmonyStyle Diminished()
    {
        var builder = new StyleGraphBuilder("diminished", null);
        for (var root = 0; root < 12; root++)
        {
            var function = root switch { 0 => Tonic, 1 or 11 => Dominant, 3 or 6 or 9 => Subdominant, _ => Colour };
            builder.Chord(root, "dim7", function);
        }
        for (var root = 0; root < 12; root++)
        {
            builder.Moves(Numeral(root, "dim7"), (Numeral(root + 3, "dim7"), 3), (Numeral(root - 3, "dim7"), 3),
                (Numeral(root + 1, "dim7"), 2), (Numeral(root - 1, "dim7"), 2));
        }
        return builder.Build();
    }

    private static string Numeral(int offset, string quality) => RomanNumeral.Of(offset, quality);
}
