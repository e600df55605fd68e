using SeqLang.Compiler.Form;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax;

namespace SeqLang.Compiler.Tests.Form;

public class SectionReferencesTests
{
    [Fact]
    public void CollectsTopLevelAndTrackBlocksInFileOrderWithSpans()
    {
        const string Text = "in a, b {\n  chords \"Am\"\n}\ntrack p channel 1 {\n  in c {\n    play \"c4\"\n    in d {\n      play \"e4\"\n    }\n  }\n}\ntrack q channel 2 {\n  in a {\n    play \"c4\"\n  }\n}\n";
        var file = SeqParser.Parse(new SourceText("t.seq", Text), new DiagnosticBag());
        var references = SectionReferences.Collect(file);
        Assert.Equal(new[] { "a", "b", "c", "d", "a" }, references.Select(r => r.Name));
        Assert.All(references, r => Assert.Equal(r.Name, Text.Substring(r.Span.Start, r.Span.Length)));
        Assert.Equal(Text.LastIndexOf("in a", StringComparison.Ordinal) + 3, references[^1].Span.Start);
    }
}
