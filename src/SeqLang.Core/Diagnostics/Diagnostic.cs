using System.Globalization;
using SeqLang.Core.Text;

namespace SeqLang.Core.Diagnostics;

/// <summary>A problem in the user's input, located by a span in the file. A value, never an exception.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message)
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        new(descriptor.Code, descriptor.Severity, span,
            string.Format(CultureInfo.InvariantCulture, descriptor.Format, args));

    public bool IsError => Severity == Severity.Error;
}
