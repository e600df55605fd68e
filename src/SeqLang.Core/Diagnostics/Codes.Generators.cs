namespace SeqLang.Core.Diagnostics;

// SPEC §15: generators (SEQ0340-0349).
public static partial class Codes
{
    public static readonly DiagnosticDescriptor GeneratedRhythmNeedsHits = Error("SEQ0340", "{0} gives a rhythm, not notes: on a drum track name the lane after a drum (kick, hh, ...), elsewhere give its notes with n");
    public static readonly DiagnosticDescriptor AutomatonDiesOut = Warning("SEQ0341", "the automaton of lane {0} dies out: the lane is silent from bar {1}");
    public static readonly DiagnosticDescriptor BadGenerator = Error("SEQ0342", "{0}: {1}");
}
