namespace SeqLang.Compiler.Music;

/// <summary>Pitch letters and accidentals: <c>C</c>, <c>F#</c>, <c>Bb</c>, <c>cs</c> (SPEC §3, any case).</summary>
internal static class PitchClass
{
    private static readonly int[] Letters = { 9, 11, 0, 2, 4, 5, 7 }; // a b c d e f g

    /// <summary>
    /// Reads a letter and accidentals from the start of <paramref name="text"/>; returns how many characters
    /// were read (0 when it does not start with a pitch letter). The pitch class is not wrapped: <c>Cb</c> is -1.
    /// </summary>
    public static int Read(ReadOnlySpan<char> text, out int semitone)
    {
        semitone = 0;
        if (text.Length == 0) return 0;
        var letter = char.ToLowerInvariant(text[0]);
        if (letter < 'a' || letter > 'g') return 0;
        semitone = Letters[letter - 'a'];
        var i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#' || c == 's') semitone++;
            else if (c == 'b') semitone--;
            else break;
            i++;
        }
        return i;
    }

    /// <summary>A whole tonic such as <c>E</c>, <c>F#</c>, <c>Bb</c>; null when it is not exactly one.</summary>
    public static int? ParseTonic(string text)
    {
        var read = Read(text, out var semitone);
        if (read == 0 || read != text.Length) return null;
        return ((semitone % 12) + 12) % 12;
    }
}
