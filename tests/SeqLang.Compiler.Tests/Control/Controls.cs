using SeqLang.Compiler.Control;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>Compiles test texts and reads their live-control model and diagnostics.</summary>
internal static class Controls
{
    public const string Drums = """
        form { verse 4 -> chorus
          chorus 4 -> verse }
        track drums channel 10 {
          kick "x ~ ~ ~ x ~ ~ ~"
          hat  "x*8" vel 80
          perc "~ rim ~ cp"
        }
        track bass channel 2 {
          play "c2 ~ eb2 ~" octave 2
          cc 74 "0 64"
        }

        """;

    public static Compilation Compile(string text) => SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());

    public static CompiledPiece Piece(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        return compilation.Piece!;
    }

    public static ControlMap Map(string text) => Piece(text).Controls;

    /// <summary>The diagnostics of the control lines appended to <see cref="Drums"/>, as (code, text under the span).</summary>
    public static List<(string Code, string At)> Problems(string controlLines, string? prefix = null)
    {
        var text = (prefix ?? Drums) + controlLines;
        var compilation = Compile(text);
        return compilation.Diagnostics.Select(d => (d.Code, text.Substring(d.Span.Start, d.Span.Length))).ToList();
    }

    /// <summary>The one diagnostic of the control lines, which must have <paramref name="code"/>; its message.</summary>
    public static string Single(string controlLines, string code, string at, string? prefix = null)
    {
        var text = (prefix ?? Drums) + controlLines;
        var compilation = Compile(text);
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
        return d.Message;
    }
}
