using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>The events of bars [0, <c>bars</c>) of a file that must compile without a single diagnostic.</summary>
internal static class CleanEvents
{
    public static List<PieceEvent> Of(string text, int bars)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Diagnostics.Count == 0, string.Join("\n", compilation.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        var diagnostics = new DiagnosticBag();
        for (var bar = 0; bar < bars; bar++) Assert.True(stream.Bar(bar, events, diagnostics));
        return events;
    }
}
