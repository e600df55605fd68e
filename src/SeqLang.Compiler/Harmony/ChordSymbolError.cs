using System.Globalization;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Why a chord symbol did not parse: a catalogue entry with its arguments, and where in the symbol's text the
/// bad part is (<see cref="Offset"/>, <see cref="Length"/>), so a diagnostic can point at the exact characters.
/// </summary>
internal sealed record ChordSymbolError(DiagnosticDescriptor Descriptor, IReadOnlyList<object> Arguments, int Offset, int Length)
{
    /// <summary>The message as the diagnostic prints it.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.Format, Arguments.ToArray());

    /// <summary>The diagnostic for a symbol whose first character is at <paramref name="symbolStart"/> in the file.</summary>
    public Diagnostic ToDiagnostic(int symbolStart) =>
        Diagnostic.Create(Descriptor, new SourceSpan(symbolStart + Offset, Length), Arguments.ToArray());
}
