using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Core.Tests;

public class SourceTextTests
{
    [Fact]
    public void MapsOffsetsToLinesAndColumns()
    {
        var text = new SourceText("a.seq", "tempo 120\n  meter 4/4\r\nx");
        Assert.Equal((1, 1), text.GetLineColumn(0));
        Assert.Equal((2, 3), text.GetLineColumn(12));
        Assert.Equal((3, 1), text.GetLineColumn(23));
        Assert.Equal("  meter 4/4", text.GetLine(2));
    }

    [Fact]
    public void FormatsWithSourceLineAndCarets()
    {
        var source = new SourceText("demo.seq", "tempo 1200\nmeter 4/4\n");
        var d = Diagnostic.Create(new DiagnosticDescriptor("SEQ9999", Severity.Error, "tempo {0} is out of range"), new SourceSpan(6, 4), 1200);
        Assert.Equal(
            "demo.seq:1:7: error: tempo 1200 is out of range [SEQ9999]\n" +
            "  tempo 1200\n" +
            "        ^~~~\n",
            DiagnosticFormatter.Format(source, d));
    }
}
