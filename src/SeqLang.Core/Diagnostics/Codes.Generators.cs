namespace SeqLang.Core.Diagnostics;

// SPEC §15: generators (SEQ0340-0349).
public static partial class Codes
{
    public static readonly DiagnosticDescriptor GeneratedRhythmNeedsHits = Error("SEQ0340", "{0} gives a rhythm, not notes: on a drum track name the lane after a drum (kick, hh, ...), elsewhere give its notes with n");
    public static readonly DiagnosticDescriptor AutomatonDiesOut = Warning("SEQ0341", "the automaton of lane {0} dies out: the lane is silent from bar {1}");
    public static readonly DiagnosticDescriptor BadGenerator = Error("SEQ0342", "{0}: {1}");
    // A pattern function's, numbered here as the 033x range is full.
    public static readonly DiagnosticDescriptor GlideMeetsBendLane = Warning("SEQ0343", "track {0} glides and has a bend lane on channel {1}: their pitch bends interleave; give the bend lane another channel with chan");
}
