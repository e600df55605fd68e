using SeqLang.Compiler.Control;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using static SeqLang.Compiler.Tests.Control.Controls;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>Pads edit a flat lane's steps in the text: exactly those characters change, and the result compiles to the new lane.</summary>
public class LaneStepsTests
{
    private const string Text = """
        // groove
        track drums channel 10 {
          kick  "x ~  ~ ~   X ~ - ~"   vel 110 // four on the floor, nearly
          perc  "~ rim ~ cp"
        }
        track keys channel 1 {
          play "~ eb4 ~ g4
                c5 ~"
        }
        map notes 36..43 -> steps drums.kick
        map notes 44..47 -> steps drums.perc
        map notes 48..53 -> steps keys.play
        """;

    private static LaneSteps StepsOf(string text, int mapping) =>
        Assert.IsType<StepsAction>(Map(text).Mappings[mapping].Action).Steps;

    private static List<int> Notes(string text, int track, int lane)
    {
        var events = new List<PieceEvent>();
        Assert.True(new EventStream(Controls.Piece(text)).Bar(0, events, new DiagnosticBag()));
        return events.Where(e => e.Track == track && e.Lane == lane).Select(e => e.Number).ToList();
    }

    [Fact]
    public void StepsAreTheAtomsWithTheirSpans()
    {
        var kick = StepsOf(Text, 0);
        Assert.Equal(new[] { "x", "~", "~", "~", "X", "~", "-", "~" }, kick.Steps.Select(s => s.Text));
        Assert.Equal(new[] { true, false, false, false, true, false, false, false }, kick.Steps.Select(s => s.IsOn));
        Assert.All(kick.Steps, s => Assert.Equal(s.Text, Text.Substring(s.Span.Start, s.Span.Length)));
        Assert.Equal(("drums.kick", 0, 0, "x"), (kick.LaneName, kick.Track, kick.Lane, kick.OnAtom));
    }

    [Fact]
    public void ToggleChangesOnlyThatStep()
    {
        var kick = StepsOf(Text, 0);
        var on = kick.Toggle(Text, 2);
        var expected = Text.Replace("\"x ~  ~ ~   X", "\"x ~  x ~   X");
        Assert.Equal(expected, on);
        var off = kick.Toggle(Text, 4);
        Assert.Equal(Text.Replace("~   X ~", "~   ~ ~"), off);
    }

    [Fact]
    public void ARestWrittenAsDashBecomesAHit()
    {
        Assert.Equal(Text.Replace("~ - ~\"", "~ x ~\""), StepsOf(Text, 0).Toggle(Text, 6));
    }

    [Fact]
    public void ALaneNotNamedAfterADrumTurnsOnItsFirstAtom()
    {
        var perc = StepsOf(Text, 1);
        Assert.Equal("rim", perc.OnAtom);
        Assert.Equal(Text.Replace("\"~ rim ~ cp\"", "\"rim rim ~ cp\""), perc.Toggle(Text, 0));
        var keys = StepsOf(Text, 2);
        Assert.Equal("eb4", keys.OnAtom);
        Assert.Equal(6, keys.Count);
        Assert.Equal(Text.Replace("c5 ~\"", "c5 eb4\""), keys.Toggle(Text, 5));
    }

    [Fact]
    public void RecompilingTheToggledTextGivesTheNewLane()
    {
        Assert.Equal(new[] { 36, 36 }, Notes(Text, 0, 0));
        var edited = StepsOf(Text, 0).Toggle(Text, 1);
        Assert.Equal(new[] { 36, 36, 36 }, Notes(edited, 0, 0));
        var keys = StepsOf(edited, 2);
        var pitched = keys.Toggle(edited, 0);
        Assert.Equal(new[] { 63, 63, 67, 72 }, Notes(pitched, 1, 0));
    }

    [Fact]
    public void TogglesComposeWithToggledOrByRecompiling()
    {
        var keys = StepsOf(Text, 2);
        var once = keys.Toggle(Text, 1);           // eb4 → ~ : shorter by two characters
        var twice = keys.Toggled(1).Toggle(once, 3);  // g4 → ~, read at its moved span
        var byRecompiling = StepsOf(once, 2).Toggle(once, 3);
        Assert.Equal(byRecompiling, twice);
        Assert.Contains("play \"~ ~ ~ ~\n", twice);
        Assert.Equal(StepsOf(once, 2).Steps, keys.Toggled(1).Steps);
    }

    [Fact]
    public void TogglingTwiceRestoresAHitButNotAnAccent()
    {
        var kick = StepsOf(Text, 0);
        var back = kick.Toggled(0).Toggle(kick.Toggle(Text, 0), 0);
        Assert.Equal(Text, back);
        var accent = kick.Toggled(4).Toggle(kick.Toggle(Text, 4), 4);
        Assert.Equal(Text.Replace("~   X ~", "~   x ~"), accent); // off writes ~, on writes the lane's hit
    }

    [Fact]
    public void AStaleTextIsRefused()
    {
        var kick = StepsOf(Text, 0);
        Assert.Throws<ArgumentException>(() => kick.Toggle(Text.Replace("// groove", "//"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => kick.Toggle(Text, 8));
    }

    [Theory]
    [InlineData("x ~ [~ x] ~", "'[~ x]' is not a single step")]
    [InlineData("x*16", "'x*16' is not a single step")]
    [InlineData("x ~ x@2", "'x@2' is not a single step")]
    [InlineData("x ~ _ ~", "'~ _' is not a single step")]
    [InlineData("x ~, ~ x", "',' stacks sequences")]
    [InlineData("x ~ . ~ x", "'.' groups steps")]
    [InlineData("x | ~", "'|' chooses between sequences")]
    [InlineData("<x ~>", "'<x ~>' is not a single step")]
    public void OnlyFlatSequencesHaveSteps(string mini, string reason)
    {
        var text = $"track d channel 10 {{ kick \"{mini}\" }}\nmap notes 36..37 -> steps d.kick\n";
        var d = Assert.Single(Compile(text).Diagnostics, x => x.Code == "SEQ0920");
        Assert.Contains($"({reason})", d.Message);
    }
}
