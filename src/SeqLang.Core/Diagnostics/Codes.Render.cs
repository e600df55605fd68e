namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ08xx: rendering.
    public static readonly DiagnosticDescriptor EndlessPieceCapped = Warning("SEQ0801", "the piece never ends: rendering the first 60 minutes ({0} bars); use --bars N to choose the length");
}
