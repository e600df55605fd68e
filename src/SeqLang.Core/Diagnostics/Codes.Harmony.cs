namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ0620-0639: harmony (SPEC §4): lead-sheet chord symbols in `chords` strings, and the `harmony` statement.
    // A chord-symbol diagnostic points at the bad part of the symbol (the quality, the bass), not the whole atom.
    public static readonly DiagnosticDescriptor ChordSymbolNeedsRoot = Error("SEQ0620", "'{0}' is not a chord symbol: it starts with a root letter A to G, e.g. 'Am7', 'F#m7b5' or 'Bbmaj7'");
    public static readonly DiagnosticDescriptor UnknownChordSymbolQuality = Error("SEQ0621", "unknown chord quality '{0}' in '{1}'{2}");
    public static readonly DiagnosticDescriptor BadSlashBass = Error("SEQ0622", "'{0}' needs a bass note after '/': a letter A to G with an optional # or b, e.g. 'C/E' or 'F/Bb'");
    public static readonly DiagnosticDescriptor UnknownHarmonyStyle = Error("SEQ0623", "unknown harmony style '{0}'{1}");
    public static readonly DiagnosticDescriptor HarmonyGravityOutOfRange = Error("SEQ0624", "gravity {0} is out of range: use 0 (the style's weights as written) to 1 (the strongest pull toward the tonic)");
    public static readonly DiagnosticDescriptor HarmonyEveryOutOfRange = Error("SEQ0625", "harmony changes every {0} bars: use a whole number of bars, at least 1");
    public static readonly DiagnosticDescriptor ChordsAndHarmony = Error("SEQ0626", "the file has both 'chords' (line {0}) and 'harmony'; give one: a written progression or a generated one");
    public static readonly DiagnosticDescriptor RepeatedProgression = Error("SEQ0627", "'{0}' is given twice (first on line {1}); a file has one");
    public static readonly DiagnosticDescriptor RepeatedSectionChords = Error("SEQ0628", "section '{0}' has chords twice (first on line {1})");
    public static readonly DiagnosticDescriptor NoChordInForce = Warning("SEQ0629", "lane {0} plays '{1}' in bar {2}, where no chord is in force; such notes are left out");
}
