using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>The events of a file that must compile (warnings allowed), and its diagnostics, for the pattern-function tests.</summary>
internal static class PatternFunctionEvents
{
    public static List<PieceEvent> Of(string text, int bars, string path = "t.seq")
    {
        var compilation = SeqCompiler.Compile(new SourceText(path, text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        for (var bar = 0; bar < bars; bar++) Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
        return events;
    }

    public static IReadOnlyList<Diagnostic> Check(string text, string path = "t.seq") =>
        SeqCompiler.Compile(new SourceText(path, text), new CompileOptions()).Diagnostics;

    public static string Track(string lanes, string header = "") => $"{header}track t channel 1 {{\n{lanes}\n}}\n";
}
