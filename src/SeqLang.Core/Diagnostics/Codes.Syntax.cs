namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ01xx: the input file and the statement syntax.
    public static readonly DiagnosticDescriptor NotUtf8 = Error("SEQ0101", "the file is not UTF-8 text: invalid byte 0x{0:X2} at byte offset {1}");
    public static readonly DiagnosticDescriptor BinaryInput = Error("SEQ0102", "the file looks binary (it contains a NUL character); a .seq file is UTF-8 text");
    public static readonly DiagnosticDescriptor EmptyFile = Error("SEQ0103", "the file is empty: write at least one track, e.g. track drums channel 10 {{ kick \"x ~ x ~\" }}");
    public static readonly DiagnosticDescriptor UnexpectedToken = Error("SEQ0104", "unexpected {0}; expected {1}");
    public static readonly DiagnosticDescriptor UnexpectedTokenNoHint = Error("SEQ0105", "unexpected {0}");
    public static readonly DiagnosticDescriptor UnterminatedString = Error("SEQ0106", "this string has no closing quote");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("SEQ0107", "unexpected character '{0}'");
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("SEQ0108", "blocks nested deeper than {0} levels");
    public static readonly DiagnosticDescriptor UnknownStatement = Error("SEQ0109", "unknown statement '{0}'{1}");
}
