namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ05xx: atoms inside mini-notation strings, read by the lane's track kind.
    public static readonly DiagnosticDescriptor UnknownDrum = Error("SEQ0501", "'{0}' is not a drum in kit '{1}'{2}");
    public static readonly DiagnosticDescriptor HitNeedsDrumLane = Error("SEQ0502", "'{0}' hits the lane's drum, but lane '{1}' is not named after a drum in kit '{2}'{3}");
    public static readonly DiagnosticDescriptor NoteNeedsOctave = Error("SEQ0503", "note '{0}' needs an octave, e.g. '{0}4'");
    public static readonly DiagnosticDescriptor NoteOutOfRange = Error("SEQ0504", "note '{0}' is outside the MIDI range 0 to 127");
    public static readonly DiagnosticDescriptor UnknownChordQuality = Error("SEQ0505", "unknown chord quality '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownAtom = Error("SEQ0506", "'{0}' is not a note, a MIDI number or a chord{1}");
    public static readonly DiagnosticDescriptor HarmonyWithoutChords = Error("SEQ0507", "'{0}' needs the current chord, but the file has no 'chords' or 'harmony'");
    public static readonly DiagnosticDescriptor BadControlValue = Error("SEQ0508", "controller value '{0}' is not a whole number 0 to 127");
    public static readonly DiagnosticDescriptor BadDegree = Error("SEQ0509", "'{0}' is not a scale degree: in degrees mode atoms are whole numbers");
    public static readonly DiagnosticDescriptor BadTone = Error("SEQ0510", "'{0}' is not a chord tone: in tones mode atoms are whole numbers, 'root' or 'chord'");
    public static readonly DiagnosticDescriptor BadVelocityAtom = Error("SEQ0511", "velocity '{0}' is not a whole number 1 to 127");
    public static readonly DiagnosticDescriptor NoteDropped = Warning("SEQ0512", "lane {0} plays note {1} in bar {2}, outside 0 to 127; such notes are left out");
}
