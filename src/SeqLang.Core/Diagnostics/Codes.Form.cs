namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ0601-SEQ0619: the form (SPEC §5) and the section names that `in` blocks refer to.
    public static readonly DiagnosticDescriptor RepeatedForm = Error("SEQ0601", "the file already has a form (line {0}); a piece has one form");
    public static readonly DiagnosticDescriptor UnknownSection = Error("SEQ0602", "'{0}' is not a section of the form{1}");
    public static readonly DiagnosticDescriptor SectionWithoutForm = Error("SEQ0603", "there is no section '{0}': sections come from 'form', and with no form the piece is one section, 'main'");
    public static readonly DiagnosticDescriptor UnknownTransition = Error("SEQ0604", "section '{0}' goes to '{1}', which is not a section of the form{2}");
    public static readonly DiagnosticDescriptor RepeatedFormSection = Error("SEQ0605", "section '{0}' is defined twice in the form (first on line {1})");
    public static readonly DiagnosticDescriptor BadSectionBars = Error("SEQ0606", "section '{0}' cannot last {1} bars: use a whole number of bars, 1 to {2}");
    public static readonly DiagnosticDescriptor BadTransitionWeight = Error("SEQ0607", "weight {0} is not valid: a weight is a number greater than 0 (weights are relative; the default is 1)");
    public static readonly DiagnosticDescriptor UnreachableSection = Warning("SEQ0608", "section '{0}' is never played: no '->' leads to it from '{1}', where the piece starts");
    public static readonly DiagnosticDescriptor EmptyForm = Error("SEQ0609", "the form has no sections; give at least one, e.g. 'verse 8'");
    public static readonly DiagnosticDescriptor RepeatedTransition = Error("SEQ0610", "section '{0}' lists '{1}' twice after '->'; list it once, with the sum of the weights");
    public static readonly DiagnosticDescriptor WeightsTooFine = Error("SEQ0611", "the weights after section '{0}' cannot be added up exactly; use fewer decimal places");
    public static readonly DiagnosticDescriptor RepeatedSectionTempo = Error("SEQ0612", "section '{0}' has a tempo twice (first on line {1})");
}
