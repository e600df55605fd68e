namespace SeqLang.Compiler.Piece;

/// <summary>The file's key: tonic pitch class (0 = C), as written, and its mode's semitone steps.</summary>
public sealed record MusicalKey(string TonicText, int Tonic, string Mode, int[] Steps)
{
    public static readonly MusicalKey CMajor = new("C", 0, "major", new[] { 0, 2, 4, 5, 7, 9, 11 });

    /// <summary>The tonic's MIDI note in <paramref name="octave"/> (C4 = 60).</summary>
    public int TonicMidi(int octave) => (octave + 1) * 12 + Tonic;

    public override string ToString() => $"{TonicText} {Mode}";
}
