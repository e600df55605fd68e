namespace SeqLang.Compiler.Harmony;

/// <summary>
/// MIDI pitches for a chord (SPEC §3 <c>voicing</c>, <c>root</c>, <c>chord</c> and <c>tones</c>), pure functions of
/// their arguments. Octave 4 puts the root in MIDI octave 4 (C4 = 60), so the root is (octave + 1) × 12 + root.
/// A slash chord's bass sounds one octave lower, below the whole chord; it is not removed from the chord above
/// (C/E is E3 under C4 E4 G4). Results may fall outside 0..127; the caller decides what to do with those.
/// </summary>
internal static class ChordVoicing
{
    private static readonly string[] Names = { "close", "open", "lead" };

    /// <summary>The modifier's words, for did-you-mean.</summary>
    public static IReadOnlyList<string> VoicingNames => Names;

    /// <summary>Reads the word after <c>voicing</c>.</summary>
    public static bool TryParseVoicing(string name, out Voicing voicing)
    {
        voicing = name switch { "open" => Voicing.Open, "lead" => Voicing.Lead, _ => Voicing.Close };
        return Names.Contains(name);
    }

    /// <summary>The root's MIDI note in <paramref name="octave"/>.</summary>
    public static int Root(Chord chord, int octave) => (octave + 1) * 12 + chord.Root;

    /// <summary>
    /// Tone <paramref name="index"/> of the chord in root position (<c>tones</c> mode): 0 is the root, 1 the next
    /// interval up, and so on; past the last tone the list repeats an octave higher, below 0 an octave lower
    /// (floor division). For C major in octave 4: 0 → 60, 3 → 72, −1 → 55. For chords wider than an octave (9th,
    /// 11th, 13th, add9) the next octave starts again from the root, so tone 5 of C9 (C5) is below tone 4 (D5).
    /// A slash chord's bass is not one of its tones here.
    /// </summary>
    public static int ChordTone(Chord chord, int index, int octave)
    {
        var count = chord.Intervals.Count;
        var octaves = (int)Math.Floor(index / (double)count);
        return Root(chord, octave) + chord.Intervals[index - octaves * count] + 12 * octaves;
    }

    /// <summary>
    /// The chord's pitches, ascending. <paramref name="previous"/> is the last voicing this lane played (null at
    /// its first chord) and matters only for <see cref="Voicing.Lead"/>.
    /// <list type="bullet">
    /// <item><c>close</c>: root position from the root, each interval added to it.</item>
    /// <item><c>open</c>: close, with the tones at odd positions (the third, the seventh, the eleventh) raised an
    /// octave, so the root stays at the bottom: C E G becomes C4 G4 E5, Cmaj7 C4 G4 E5 B5.</item>
    /// <item><c>lead</c>: of every inversion of close, moved by whole octaves so its lowest note lies from an
    /// octave below to less than an octave above the root, the one with the least <see cref="VoiceMovement"/>
    /// from <paramref name="previous"/>; ties go to the lower voicing (lowest note first, then the next).
    /// With no previous voicing, close.</item>
    /// </list>
    /// </summary>
    public static int[] Voice(Chord chord, int octave, Voicing voicing, IReadOnlyList<int>? previous = null)
    {
        var upper = voicing switch
        {
            Voicing.Open => Open(chord, octave),
            Voicing.Lead when previous is { Count: > 0 } => Lead(chord, octave, previous),
            _ => Close(chord, octave),
        };
        return WithBass(chord, octave, upper);
    }

    private static int[] Close(Chord chord, int octave)
    {
        var root = Root(chord, octave);
        return chord.Intervals.Select(i => root + i).ToArray();
    }

    private static int[] Open(Chord chord, int octave)
    {
        var root = Root(chord, octave);
        return chord.Intervals.Select((interval, position) => root + interval + (position % 2 == 1 ? 12 : 0)).Order().ToArray();
    }

    private static int[] Lead(Chord chord, int octave, IReadOnlyList<int> previous)
    {
        var close = Close(chord, octave);
        var root = close[0];
        int[]? best = null;
        var bestMovement = int.MaxValue;
        for (var inversion = 0; inversion < close.Length; inversion++)
        {
            // Inversion k: the lowest k tones moved up an octave.
            var inverted = close.Select((p, i) => i < inversion ? p + 12 : p).Order().ToArray();
            for (var shift = -36; shift <= 36; shift += 12)
            {
                var lowest = inverted[0] + shift;
                if (lowest < root - 12 || lowest >= root + 12) continue;
                // A slash chord's bass stays the lowest note; root position always qualifies, so a candidate is left.
                if (chord.Bass is { } bass && lowest <= BassNote(octave, bass)) continue;
                var candidate = inverted.Select(p => p + shift).ToArray();
                var movement = VoiceMovement.Between(previous, WithBass(chord, octave, candidate));
                if (movement < bestMovement || (movement == bestMovement && IsLower(candidate, best!)))
                {
                    best = candidate;
                    bestMovement = movement;
                }
            }
        }
        return best!;
    }

    private static bool IsLower(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return a[i] < b[i];
        return false;
    }

    private static int[] WithBass(Chord chord, int octave, int[] upper) =>
        chord.Bass is { } bass ? upper.Prepend(BassNote(octave, bass)).ToArray() : upper;

    private static int BassNote(int octave, int bass) => octave * 12 + bass;
}
