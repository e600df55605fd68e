using System.Text;
using SeqLang.Core.Text;

namespace SeqLang.Core.Diagnostics;

/// <summary>
/// Renders diagnostics as compilers do: <c>FILE:LINE:COL: error: MESSAGE</c>, the source line,
/// and a caret line under the span (SPEC §8).
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(SourceText source, Diagnostic diagnostic)
    {
        var (line, column) = source.GetLineColumn(diagnostic.Span.Start);
        var severity = diagnostic.Severity == Severity.Error ? "error" : "warning";
        var sb = new StringBuilder();
        sb.Append(source.Path).Append(':').Append(line).Append(':').Append(column).Append(": ")
          .Append(severity).Append(": ").Append(diagnostic.Message)
          .Append(" [").Append(diagnostic.Code).Append(']').Append('\n');
        if (source.Text.Length == 0 || line > source.LineCount) return sb.ToString();
        var text = source.GetLine(line);
        var printable = new StringBuilder(text.Length);
        foreach (var c in text) printable.Append(c == '\t' ? ' ' : char.IsControl(c) ? '?' : c);
        sb.Append("  ").Append(printable).Append('\n');
        var lineEnd = source.GetOffset(line, 1) + text.Length;
        var caretLength = Math.Max(1, Math.Min(diagnostic.Span.End, lineEnd) - diagnostic.Span.Start);
        sb.Append("  ").Append(' ', column - 1).Append('^').Append('~', caretLength - 1).Append('\n');
        return sb.ToString();
    }
}
