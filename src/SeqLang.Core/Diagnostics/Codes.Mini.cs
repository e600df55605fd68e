namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ04xx: mini-notation strings: their syntax, and the operators' arguments.
    // Errors where Strudel refuses the string (its parser, or building the pattern, throws); warnings
    // where Strudel accepts it but its queries fail, so the pattern has no events.
    public static readonly DiagnosticDescriptor MiniUnexpectedToken = Error("SEQ0401", "mini-notation: unexpected {0}; expected {1}");
    public static readonly DiagnosticDescriptor MiniUnexpectedTokenNoHint = Error("SEQ0402", "mini-notation: unexpected {0}");
    public static readonly DiagnosticDescriptor MiniUnexpectedCharacter = Error("SEQ0403", "mini-notation: unexpected character '{0}'");
    public static readonly DiagnosticDescriptor MiniNestingTooDeep = Error("SEQ0404", "mini-notation nested deeper than {0} levels");
    public static readonly DiagnosticDescriptor MiniEmpty = Error("SEQ0405", "empty mini-notation: write at least one step, e.g. \"x\" or \"~\"");
    public static readonly DiagnosticDescriptor MiniBadNumber = Error("SEQ0406", "mini-notation: the number '{0}' is too large or too precise");
    public static readonly DiagnosticDescriptor MiniMisplaced = Error("SEQ0407", "mini-notation: {0}");
    public static readonly DiagnosticDescriptor MiniNotANumber = Error("SEQ0408", "'{0}' is not a number; {1} needs a number");
    public static readonly DiagnosticDescriptor MiniWeightsAddToZero = Error("SEQ0409", "mini-notation: the weights of these steps add up to zero");
    public static readonly DiagnosticDescriptor MiniTooComplex = Error("SEQ0410", "mini-notation too complex: more than {0} nested operations");
    public static readonly DiagnosticDescriptor MiniBadEuclid = Error("SEQ0411", "euclid ({0},{1}) is not possible: it needs whole numbers, and at most as many pulses as steps");
    public static readonly DiagnosticDescriptor MiniTooManyEvents = Error("SEQ0412", "mini-notation has more than {0} events in cycle {1}; simplify the pattern");
    public static readonly DiagnosticDescriptor MiniTooMuchWork = Error("SEQ0413", "mini-notation needs too much work to compute cycle {0} (a huge speed-up or repetition); simplify the pattern");
    public static readonly DiagnosticDescriptor MiniTimeOverflow = Error("SEQ0414", "mini-notation reaches times too large or too fine to compute exactly in cycle {0}");
    public static readonly DiagnosticDescriptor MiniArgumentMayFail = Warning("SEQ0415", "'{0}' is not a number, so {1} has no events where it is used");
    public static readonly DiagnosticDescriptor MiniNumbersTooLarge = Error("SEQ0417", "mini-notation: its numbers are too large or too fine to compute exactly");
    public static readonly DiagnosticDescriptor MiniNoEvents = Warning("SEQ0416", "mini-notation has no events: {0} (Strudel gives none here either)");
}
