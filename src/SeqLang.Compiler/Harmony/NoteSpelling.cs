namespace SeqLang.Compiler.Harmony;

/// <summary>How generated chords name the five black-key pitch classes: C# D# F# G# A#, or Db Eb Gb Ab Bb.</summary>
public enum NoteSpelling
{
    Sharps,
    Flats,
}
