namespace SeqLang.Core.Diagnostics;

// SPEC §14: arp, strum, lock, groove and glide (SEQ0330-0335).
public static partial class Codes
{
    public static readonly DiagnosticDescriptor ArpWithoutChords = Warning("SEQ0330", "arp on lane {0}, which has no chords: each of its notes plays alone");
    public static readonly DiagnosticDescriptor UnknownArpMode = Error("SEQ0331", "unknown arp mode '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownFunctionOption = Error("SEQ0332", "'{0}' does not take '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownGroove = Error("SEQ0333", "unknown groove '{0}'{1}");
    public static readonly DiagnosticDescriptor GrooveFileError = Error("SEQ0334", "groove file \"{0}\": {1}");
    public static readonly DiagnosticDescriptor BadGroove = Error("SEQ0335", "groove '{0}': {1}");
}
