using System.Text.Json;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Cli.Output;

/// <summary>Prints diagnostics as text (SPEC §8: FILE:LINE:COL, the source line, a caret line) or as `check --json` objects.</summary>
public static class DiagnosticPrinter
{
    public static void PrintText(TextWriter error, SourceText source, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) error.Write(DiagnosticFormatter.Format(source, d));
    }

    /// <summary>One JSON object per diagnostic, with 1-based lines and columns; the end column is just past the span.</summary>
    public static void WriteJson(Utf8JsonWriter json, SourceText source, Diagnostic d)
    {
        var (line, column) = source.GetLineColumn(d.Span.Start);
        var (endLine, endColumn) = source.GetLineColumn(d.Span.End);
        json.WriteStartObject();
        json.WriteString("file", source.Path);
        json.WriteNumber("line", line);
        json.WriteNumber("column", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", d.Span.Length == 0 && endLine == line ? column + 1 : endColumn);
        json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
        json.WriteString("code", d.Code);
        json.WriteString("message", d.Message);
        json.WriteEndObject();
    }
}
