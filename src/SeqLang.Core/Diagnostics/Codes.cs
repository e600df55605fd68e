namespace SeqLang.Core.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic the tools can report. Ranges: SEQ01xx input and syntax,
/// SEQ02xx settings, SEQ03xx tracks, lanes and modifiers, SEQ04xx mini-notation, SEQ05xx atoms,
/// SEQ06xx form and harmony, SEQ07xx limits, SEQ08xx rendering, SEQ09xx live control. Split by area across partial files.
/// </summary>
public static partial class Codes
{
    private static DiagnosticDescriptor Error(string code, string format) => new(code, Severity.Error, format);
    private static DiagnosticDescriptor Warning(string code, string format) => new(code, Severity.Warning, format);

    /// <summary>Every descriptor, for the golden test that proves each code has a test.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => typeof(Codes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToList();
}
