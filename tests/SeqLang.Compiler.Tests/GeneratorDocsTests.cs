using System.Text.RegularExpressions;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>docs/generators.md: every example compiles without a diagnostic and plays; the diagnostics table is the compiler's.</summary>
public class GeneratorDocsTests
{
    private static readonly DocsPage Doc = new("generators.md");

    private static string Page => Doc.Text;

    private static List<string> Examples() => Doc.Examples();

    public static TheoryData<int> ExampleIndexes() => Doc.ExampleIndexes();

    [Fact]
    public void The_page_has_an_example_for_each_generator() =>
        Assert.All(new[] { " bresenham ", " weights ", " cellular ", " lsystem ", " markov ", " walk ", " logistic ", " melody ", " life ", " turing " }, word => Assert.Contains(Examples(), e => e.Contains(word, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void Each_example_compiles_cleanly_and_plays(int index) =>
        Assert.Contains(CleanEvents.Of(Examples()[index], 4), e => e.Kind == PieceEventKind.Note);

    [Theory]
    [InlineData("track keys channel 1 {\n  play bresenham 3 8\n}\n", "SEQ0340", "bresenham")]
    [InlineData("track drums channel 10 {\n  hh cellular 90 width 16\n}\n", "SEQ0341", "cellular 90 width 16")]
    [InlineData("track drums channel 10 {\n  kick bresenham 17 16\n}\n", "SEQ0342", "17")]
    [InlineData("track drums channel 10 {\n  kick cellular 300\n}\n", "SEQ0342", "300")]
    [InlineData("track drums channel 10 {\n  kick cellular 30 width 8 from \"x ~ x\"\n}\n", "SEQ0342", "\"x ~ x\"")]
    [InlineData("track drums channel 10 {\n  kick cellular 30 widht 8\n}\n", "SEQ0332", "widht")]
    [InlineData("lsystem fib { axiom \"bd\"  bd -> \"bd sd\" }\ntrack drums channel 10 {\n  beat lsystem fbi gen 2\n}\n", "SEQ0342", "fbi")]
    [InlineData("lsystem a { bd -> \"bd sd\" }\ntrack drums channel 10 {\n  beat lsystem a gen 2\n}\n", "SEQ0342", "a")]
    [InlineData("markov m { c2 -> eb2 }\ntrack t channel 1 {\n  play \"x*4\" n markov m\n}\n", "SEQ0342", "eb2")]
    [InlineData("markov bass { c2 -> g2  g2 -> c2 }\ntrack t channel 1 {\n  play \"c4*4\" vel markov bass\n}\n", "SEQ0342", "markov bass")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n melody rnage c3..c5\n}\n", "SEQ0342", "rnage")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n melody range c5..c3\n}\n", "SEQ0342", "c5..c3")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n melody range 61..61\n}\n", "SEQ0342", "range 61..61")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n melody range x3..c5\n}\n", "SEQ0342", "x3")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n melody nir -0.5\n}\n", "SEQ0342", "-0.5")]
    [InlineData("track t channel 1 {\n  play \"c4*4\" vel melody\n}\n", "SEQ0342", "melody")]
    [InlineData("track d channel 10 {\n  play \"x*4\" n melody\n}\n", "SEQ0342", "melody")]
    [InlineData("track t channel 1 {\n  play \"x*4\" n walk 0..7 * 2\n}\n", "SEQ0342", "walk 0..7")]
    [InlineData("track drums channel 10 {\n  beat life B3/S23 width 8 rows bd sd hh from \"~ ~ ~ x ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\"\n}\n", "SEQ0341", "life B3/S23 width 8 rows bd sd hh from \"~ ~ ~ x ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\"")]
    [InlineData("track drums channel 10 {\n  beat life B39/S23 rows bd sd\n}\n", "SEQ0342", "9")]
    [InlineData("track drums channel 10 {\n  beat life B3/S23 width 8\n}\n", "SEQ0342", "life B3/S23 width 8")]
    [InlineData("track drums channel 10 {\n  beat life B3/S23 width 4 rows bd sd from \"x ~ ~ ~\"\n}\n", "SEQ0342", "from")]
    [InlineData("track drums channel 10 {\n  beat life B3/S23 widht 8 rows bd sd\n}\n", "SEQ0332", "widht")]
    [InlineData("track t channel 1 {\n  play \"c4*4\" vel turing \"60 80\" drift 1.5\n}\n", "SEQ0342", "1.5")]
    [InlineData("track t channel 1 {\n  play \"c4*4\" vel turing \"60 80\"\n}\n", "SEQ0322", "turing \"60 80\"")]
    [InlineData("track t channel 1 {\n  play \"c4*4\" vel turing \"60 [80 90]\" drift 0.1\n}\n", "SEQ0342", "[80")]
    public void The_diagnostics_are_the_page_s(string text, string code, string at)
    {
        var diagnostic = Assert.Single(SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions()).Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains($"| {code} | {diagnostic.Message} |", Page);
        Assert.Equal(at, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }
}
