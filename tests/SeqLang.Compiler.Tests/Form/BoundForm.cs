using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Form;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>A .seq text parsed and its form bound, as the compiler will do it: the forms and every <c>in</c> name of the file.</summary>
internal sealed record BoundForm(FormGraph? Graph, IReadOnlyList<Diagnostic> Diagnostics, SourceText Source)
{
    public static BoundForm From(string text)
    {
        var source = new SourceText("t.seq", text);
        var diagnostics = new DiagnosticBag();
        var file = SeqParser.Parse(source, diagnostics);
        Assert.False(diagnostics.HasErrors, "the test text has syntax errors: " + string.Join("; ", diagnostics.Items.Select(d => d.Message)));
        var graph = new FormBinder(new BindContext(source, diagnostics))
            .Bind(file.Statements.OfType<FormSyntax>().ToList(), SectionReferences.Collect(file));
        return new BoundForm(graph, diagnostics.Sorted(), source);
    }

    /// <summary>Binds a text that must have no diagnostics at all.</summary>
    public static FormGraph Clean(string text)
    {
        var bound = From(text);
        Assert.True(bound.Diagnostics.Count == 0, string.Join("; ", bound.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        return bound.Graph!;
    }

    /// <summary>The one diagnostic, which must have this code.</summary>
    public Diagnostic Single(string code)
    {
        var diagnostic = Assert.Single(Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }

    /// <summary>The text under a diagnostic's span, and where it starts, as `seq check` would print it.</summary>
    public (string Text, int Line, int Column) Under(Diagnostic diagnostic)
    {
        var (line, column) = Source.GetLineColumn(diagnostic.Span.Start);
        return (Source.Text.Substring(diagnostic.Span.Start, diagnostic.Span.Length), line, column);
    }
}
