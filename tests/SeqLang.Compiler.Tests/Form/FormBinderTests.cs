using SeqLang.Compiler.Form;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>Every diagnostic of the form binder, from real text, with its exact span and message.</summary>
public class FormBinderTests
{
    private const string Track = "track p channel 1 {\n  play \"c4\"\n}\n";

    [Fact]
    public void ASecondFormIsAnErrorAtItsKeyword()
    {
        var bound = BoundForm.From("form a 4\nseed 1\nform b 4\n");
        var d = bound.Single("SEQ0601");
        Assert.Equal(("form", 3, 1), bound.Under(d));
        Assert.Equal("the file already has a form (line 1); a piece has one form", d.Message);
        Assert.Equal("a", bound.Graph!.Sections[0].Name);
    }

    [Fact]
    public void AnUnknownSectionInATrackBlockSuggestsTheNearestName()
    {
        var bound = BoundForm.From("form verse 8, chorus 8\ntrack p channel 1 {\n  in verse, chrous {\n    play \"c4\"\n  }\n}\n");
        var d = bound.Single("SEQ0602");
        Assert.Equal(("chrous", 3, 13), bound.Under(d));
        Assert.Equal("'chrous' is not a section of the form; did you mean 'chorus'?", d.Message);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void AnUnknownSectionInATopLevelBlockListsTheSectionsWhenNothingIsClose()
    {
        var bound = BoundForm.From("form { intro 2 -> verse\n verse 8 }\nin bridge {\n  chords \"Am\"\n}\n" + Track);
        var d = bound.Single("SEQ0602");
        Assert.Equal(("bridge", 3, 4), bound.Under(d));
        Assert.Equal("'bridge' is not a section of the form; its sections are intro, verse", d.Message);
    }

    [Fact]
    public void MainIsNotASectionOnceThereIsAForm()
    {
        var bound = BoundForm.From("form verse 8\ntrack p channel 1 {\n  in main {\n    play \"c4\"\n  }\n}\n");
        Assert.Equal("'main' is not a section of the form; 'main' is the whole piece only in a file with no form", bound.Single("SEQ0602").Message);
    }

    [Fact]
    public void WithNoFormOnlyMainIsASection()
    {
        var bound = BoundForm.From("track p channel 1 {\n  in main {\n    play \"c4\"\n  }\n  in verse {\n    play \"e4\"\n  }\n}\n");
        var d = bound.Single("SEQ0603");
        Assert.Equal(("verse", 5, 6), bound.Under(d));
        Assert.Equal("there is no section 'verse': sections come from 'form', and with no form the piece is one section, 'main'", d.Message);
        Assert.Same(FormGraph.WholePiece, bound.Graph);
    }

    [Fact]
    public void AnArrowToAMissingSectionSuggestsTheNearestName()
    {
        var bound = BoundForm.From("form {\n  verse 8 -> verse 2 | chorsu\n  chorus 8 -> verse\n}\n");
        var d = bound.Single("SEQ0604");
        Assert.Equal(("chorsu", 2, 24), bound.Under(d));
        Assert.Equal("section 'verse' goes to 'chorsu', which is not a section of the form; did you mean 'chorus'?", d.Message);
        Assert.Null(bound.Graph);
    }

    [Fact]
    public void ASectionDefinedTwiceInAGraphIsAnError()
    {
        var bound = BoundForm.From("form {\n  verse 8\n  chorus 4 -> verse\n  verse 4\n}\n");
        var d = bound.Single("SEQ0605");
        Assert.Equal(("verse", 4, 3), bound.Under(d));
        Assert.Equal("section 'verse' is defined twice in the form (first on line 2)", d.Message);
    }

    [Fact]
    public void AListMayNameASectionAgain()
    {
        Assert.Equal(new[] { "a", "b", "a" }, BoundForm.Clean("form loop a 8, b 8, a 8").Sections.Select(s => s.Name));
    }

    [Theory]
    [InlineData("form {\n  verse 0\n}", "0")]
    [InlineData("form {\n  verse 2.5 -> end\n}", "2.5")]
    [InlineData("form {\n  verse -4\n}", "-4")]
    [InlineData("form {\n  verse 1000001\n}", "1000001")]
    [InlineData("form {\n  verse 99999999999999999999999\n}", "99999999999999999999999")]
    public void BarsAreAWholeNumberFromOneToAMillion(string text, string bars)
    {
        var bound = BoundForm.From(text);
        var d = bound.Single("SEQ0606");
        Assert.Equal((bars, 2, 9), bound.Under(d));
        Assert.Equal($"section 'verse' cannot last {bars} bars: use a whole number of bars, 1 to 1000000", d.Message);
        Assert.Null(bound.Graph);
    }

    [Fact]
    public void BarsAreCheckedInListFormsToo()
    {
        var bound = BoundForm.From("form loop a 4, b 0.5");
        Assert.Equal(("0.5", 1, 18), bound.Under(bound.Single("SEQ0606")));
        Assert.Equal(1_000_000, BoundForm.Clean("form a 1000000").Sections[0].Bars);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.0")]
    [InlineData("99999999999999999999999")]
    public void AWeightIsGreaterThanZero(string weight)
    {
        var bound = BoundForm.From($"form {{\n  a 4 -> b {weight} | a\n  b 4 -> a\n}}");
        var d = bound.Single("SEQ0607");
        Assert.Equal((weight, 2, 12), bound.Under(d));
        Assert.Equal($"weight {weight} is not valid: a weight is a number greater than 0 (weights are relative; the default is 1)", d.Message);
    }

    [Fact]
    public void ASectionNoArrowLeadsToIsAWarningAndTheFormStillBinds()
    {
        var bound = BoundForm.From("form {\n  intro 2 -> verse\n  verse 8\n  bridge 4 -> verse\n  coda 2 -> end\n}\n");
        Assert.Equal(new[] { "SEQ0608", "SEQ0608" }, bound.Diagnostics.Select(d => d.Code));
        Assert.All(bound.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(("bridge", 4, 3), bound.Under(bound.Diagnostics[0]));
        Assert.Equal("section 'bridge' is never played: no '->' leads to it from 'intro', where the piece starts", bound.Diagnostics[0].Message);
        Assert.Equal(("coda", 5, 3), bound.Under(bound.Diagnostics[1]));
        Assert.NotNull(bound.Graph);
    }

    [Fact]
    public void AMisspeltTargetDoesNotAlsoMakeItsSectionUnreachable()
    {
        var bound = BoundForm.From("form {\n  intro 2 -> vrese\n  verse 8\n}\n");
        Assert.Equal("SEQ0604", Assert.Single(bound.Diagnostics).Code);
    }

    [Fact]
    public void AnEmptyFormIsAnError()
    {
        var bound = BoundForm.From("form {\n}\ntrack p channel 1 {\n  in verse {\n    play \"c4\"\n  }\n}\n");
        var d = bound.Single("SEQ0609");
        Assert.Equal(("form", 1, 1), bound.Under(d));
        Assert.Equal("the form has no sections; give at least one, e.g. 'verse 8'", d.Message);
    }

    [Fact]
    public void ATargetListedTwiceIsAnError()
    {
        var bound = BoundForm.From("form {\n  a 4 -> b 2 | a | b\n  b 4 -> a\n}\n");
        var d = bound.Single("SEQ0610");
        Assert.Equal(("b", 2, 20), bound.Under(d));
        Assert.Equal("section 'a' lists 'b' twice after '->'; list it once, with the sum of the weights", d.Message);
    }

    [Fact]
    public void WeightsTooFineToAddUpAreAnErrorOnTheArrow()
    {
        var bound = BoundForm.From("form {\n  a 4 -> b 0.000000000001 | a 100000000\n  b 4 -> a\n}\n");
        var d = bound.Single("SEQ0611");
        Assert.Equal(("-> b 0.000000000001 | a 100000000", 2, 7), bound.Under(d));
        Assert.Equal("the weights after section 'a' cannot be added up exactly; use fewer decimal places", d.Message);
    }

    [Fact]
    public void EveryMistakeInOneFormIsReported()
    {
        var bound = BoundForm.From("form {\n  a 0 -> a 0 | zz\n  a 2\n}\n");
        Assert.Equal(new[] { "SEQ0606", "SEQ0607", "SEQ0604", "SEQ0605" }, bound.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void TheGraphKeepsDeclarationOrderWeightsAndEnds()
    {
        var graph = BoundForm.Clean("form {\n  intro 2 -> verse\n  verse 8 -> verse 2 | outro 0.5\n  outro 4 -> end\n}\n" + Track);
        Assert.Equal(FormKind.Graph, graph.Kind);
        Assert.Equal(new long?[] { 2, 8, 4 }, graph.Sections.Select(s => s.Bars));
        var verse = graph.Sections[1].Next.Choices;
        Assert.Equal(new[] { (1, "2"), (2, "1/2") }, verse.Select(c => (c.Target, c.Weight.ToString())));
        Assert.True(graph.Sections[2].Next.IsEnd);
        Assert.True(graph.CanEnd);
        Assert.Equal(new[] { "intro", "outro", "verse" }, graph.SectionNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ListShapesLinkInOrder()
    {
        var once = BoundForm.Clean("form a 1, b 2");
        Assert.Equal((FormKind.Once, 1, true), (once.Kind, once.Sections[0].Next.Choices[0].Target, once.Sections[1].Next.IsEnd));
        var loop = BoundForm.Clean("form loop a 1, b 2");
        Assert.Equal((FormKind.Loop, 0, false), (loop.Kind, loop.Sections[1].Next.Choices[0].Target, loop.CanEnd));
    }
}
