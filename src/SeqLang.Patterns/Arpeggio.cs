namespace SeqLang.Patterns;

/// <summary>
/// The note orders of an arpeggiated chord, as plain lists: which notes, in which order. Spreading
/// them over the chord's event is the caller's work (Tidal gives each of the n notes 1/n of it).
/// </summary>
/// <remarks>
/// Held to Tidal's <c>arps</c> table (tidal-core/src/Sound/Tidal/UI.hs, commit fefb1c36) by the table in
/// ArpeggioTests. Tidal's list functions fail on an empty list where they drop a last element
/// (<c>init []</c>): an empty chord, or a one-note chord under pinkyupdown and thumbupdown. Here those
/// give no notes, the answer Tidal's own definitions give wherever they do not fail. As in Tidal, some
/// modes play nothing for one note (updown, downup, pinkyup, thumbup) and duplicates are kept.
/// </remarks>
public static class Arpeggio
{
    private static readonly string[] Names =
    [
        "up", "down", "updown", "downup", "upanddown", "downandup", "converge", "diverge",
        "disconverge", "pinkyup", "pinkyupdown", "thumbup", "thumbupdown",
    ];

    /// <summary>The modes' words in SeqLang, in the order of <see cref="ArpeggioMode"/>.</summary>
    /// <remarks>Tidal's <c>up&amp;down</c> and <c>down&amp;up</c> are spelled <c>upanddown</c>, <c>downandup</c>.</remarks>
    public static IReadOnlyList<string> ModeNames { get; } = Array.AsReadOnly(Names);

    /// <summary>Reads a mode's SeqLang word (lower case, as in <see cref="ModeNames"/>).</summary>
    public static bool TryParseMode(string word, out ArpeggioMode mode)
    {
        var index = Array.IndexOf(Names, word);
        mode = index >= 0 ? (ArpeggioMode)index : default;
        return index >= 0;
    }

    /// <summary>
    /// The chord's notes in the mode's order; the result may be longer or shorter than the chord
    /// (updown drops the repeated top, pinkyup repeats it after every other note).
    /// </summary>
    /// <param name="mode">The order.</param>
    /// <param name="pitchesLowToHigh">The chord, lowest first; it is not sorted here, as Tidal does not.</param>
    public static int[] Order(ArpeggioMode mode, int[] pitchesLowToHigh)
    {
        ArgumentNullException.ThrowIfNull(pitchesLowToHigh);
        var up = pitchesLowToHigh;
        return mode switch
        {
            ArpeggioMode.Up => [.. up],
            ArpeggioMode.Down => Reversed(up),
            ArpeggioMode.UpDown => ThereAndBack(up),
            ArpeggioMode.DownUp => ThereAndBack(Reversed(up)),
            ArpeggioMode.UpAndDown => [.. up, .. Reversed(up)],
            ArpeggioMode.DownAndUp => [.. Reversed(up), .. up],
            ArpeggioMode.Converge => Converge(up),
            ArpeggioMode.Diverge => Reversed(Converge(up)),
            ArpeggioMode.Disconverge => Disconverge(up),
            ArpeggioMode.PinkyUp => PinkyUp(up),
            ArpeggioMode.PinkyUpDown => ThereAndBack(PinkyUp(up)),
            ArpeggioMode.ThumbUp => ThumbUp(up),
            ArpeggioMode.ThumbUpDown => ThereAndBack(ThumbUp(up)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not an arpeggio mode"),
        };
    }

    /// <summary>
    /// The chord followed by <paramref name="octaves"/> − 1 copies of it, each 12 semitones above the
    /// one before: 1 leaves it as it is. This is Tidal's chord range modifier (<c>c'maj'6</c> is
    /// <c>Stack(c'maj, 2)</c>), so a chord wider than an octave comes out octave by octave, not sorted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="octaves"/> is less than 1.</exception>
    public static int[] Stack(int[] pitchesLowToHigh, int octaves)
    {
        ArgumentNullException.ThrowIfNull(pitchesLowToHigh);
        ArgumentOutOfRangeException.ThrowIfLessThan(octaves, 1);
        var result = new int[checked(pitchesLowToHigh.Length * octaves)];
        for (var k = 0; k < octaves; k++)
            for (var i = 0; i < pitchesLowToHigh.Length; i++)
                result[k * pitchesLowToHigh.Length + i] = checked(pitchesLowToHigh[i] + 12 * k);
        return result;
    }

    private static int[] Reversed(int[] notes)
    {
        var result = (int[])notes.Clone();
        Array.Reverse(result);
        return result;
    }

    /// <summary>The notes forwards then backwards, without the last note of either pass.</summary>
    private static int[] ThereAndBack(int[] notes)
    {
        if (notes.Length == 0) return [];
        var result = new int[2 * (notes.Length - 1)];
        for (var i = 0; i < notes.Length - 1; i++)
        {
            result[i] = notes[i];
            result[notes.Length - 1 + i] = notes[notes.Length - 1 - i];
        }
        return result;
    }

    /// <summary>From both ends inwards: lowest, highest, second lowest, second highest, ...</summary>
    private static int[] Converge(int[] notes)
    {
        var result = new int[notes.Length];
        int low = 0, high = notes.Length - 1;
        for (var i = 0; i < notes.Length; i++)
            result[i] = i % 2 == 0 ? notes[low++] : notes[high--];
        return result;
    }

    /// <summary>Converge, then back out again without playing its last (middle) note twice.</summary>
    private static int[] Disconverge(int[] notes)
    {
        var inwards = Converge(notes);
        var outwards = Reversed(inwards);
        return [.. inwards, .. outwards.Skip(1)];
    }

    /// <summary>Every note but the top, each followed by the top.</summary>
    private static int[] PinkyUp(int[] notes)
    {
        if (notes.Length == 0) return [];
        var top = notes[^1];
        var result = new int[2 * (notes.Length - 1)];
        for (var i = 0; i < notes.Length - 1; i++)
        {
            result[2 * i] = notes[i];
            result[2 * i + 1] = top;
        }
        return result;
    }

    /// <summary>Every note but the bottom, each after the bottom.</summary>
    private static int[] ThumbUp(int[] notes)
    {
        if (notes.Length == 0) return [];
        var bottom = notes[0];
        var result = new int[2 * (notes.Length - 1)];
        for (var i = 1; i < notes.Length; i++)
        {
            result[2 * i - 2] = bottom;
            result[2 * i - 1] = notes[i];
        }
        return result;
    }
}
