namespace SeqLang.Core.Diagnostics;

// SPEC §12-13: values, signals and control lanes (SEQ0320-0329).
public static partial class Codes
{
    public static readonly DiagnosticDescriptor UnknownSignal = Error("SEQ0320", "unknown signal '{0}'{1}");
    public static readonly DiagnosticDescriptor SignalOptionNotFor = Error("SEQ0321", "'{0}' does not take {1}");
    public static readonly DiagnosticDescriptor SignalNeeds = Error("SEQ0322", "'{0}' needs {1}: write {2}");
    public static readonly DiagnosticDescriptor ValueRangeClamped = Warning("SEQ0323", "{0} can reach {1}, outside {2}: it is clamped there");
    public static readonly DiagnosticDescriptor BadSignalLength = Error("SEQ0324", "'{0}' is not a length: use N bars, N beats or section{1}");
    public static readonly DiagnosticDescriptor SignalDefinedTwice = Error("SEQ0325", "signal '{0}' is {1}");
    public static readonly DiagnosticDescriptor StepOutOfRange = Error("SEQ0326", "step {0} is out of range: use 1/256 to 16 bars, such as 1/32");
    public static readonly DiagnosticDescriptor BadValueAtom = Error("SEQ0327", "'{0}' is not a number: {1} reads numbers");
    public static readonly DiagnosticDescriptor BendRangeOutOfRange = Error("SEQ0328", "bend range {0} is out of range: use 1 to 24 semitones");
    public static readonly DiagnosticDescriptor ValueNotANumber = Error("SEQ0329", "{0} takes a number here, not {1}");
    // Past SEQ0329, values share the pattern functions' range.
    public static readonly DiagnosticDescriptor OverSectionWithoutForm = Warning("SEQ0336", "'over section' in a file with no form: the piece is one endless section, so the period is one bar; write over N bars, or add a form");
}
