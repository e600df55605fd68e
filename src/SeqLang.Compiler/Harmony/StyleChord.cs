namespace SeqLang.Compiler.Harmony;

/// <summary>
/// A node of a style's chord graph: a §3 quality on the degree <see cref="Offset"/> semitones above the key's
/// tonic, and its <see cref="HarmonicFunction"/>. It becomes a real chord only in a key (<see cref="InKey"/>).
/// </summary>
public sealed record StyleChord(int Offset, string Quality, HarmonicFunction Function)
{
    /// <summary>Its Roman numeral, e.g. <c>V7</c>, <c>bVI</c>, <c>iiø7</c>.</summary>
    public string Numeral => RomanNumeral.Of(Offset, Quality);

    /// <summary>The chord on a tonic of pitch class <paramref name="tonic"/>, named in <paramref name="spelling"/>.</summary>
    public Chord InKey(int tonic, NoteSpelling spelling) => Chord.Spelled((tonic + Offset) % 12, Quality, spelling);
}
