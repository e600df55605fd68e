using SeqLang.Compiler.Control;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using static SeqLang.Compiler.Tests.Control.Controls;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>A knob's value written into a lane's modifiers: the number replaced, or the modifier appended; nothing else moves.</summary>
public class ModifierEditTests
{
    private const string Text = """
        track bass channel 2 {
          play "c2 ~ eb2 ~" octave 2 transpose 1 // root
          in verse {
            lead "c4 e4" legato 0.5
          }
          play "g2"
        }
        form verse 4
        """;

    private static CompiledLane Lane(string text, int lane) => Controls.Piece(text).Tracks[0].Lanes[lane];

    private static List<int> Notes(string text, int lane)
    {
        var events = new List<PieceEvent>();
        Assert.True(new EventStream(Controls.Piece(text)).Bar(0, events, new DiagnosticBag()));
        return events.Where(e => e.Lane == lane).Select(e => e.Number).ToList();
    }

    [Fact]
    public void ReplacesTheNumberOfAModifierThatIsWritten()
    {
        var edited = ModifierEdit.Set(Text, Lane(Text, 0), "transpose", -5);
        Assert.Equal(Text.Replace("transpose 1 //", "transpose -5 //"), edited);
        Assert.Equal(new[] { 31, 34 }, Notes(edited, 0));
    }

    [Fact]
    public void AppendsAModifierAfterTheLastOne()
    {
        var edited = ModifierEdit.Set(Text, Lane(Text, 1), "prob", new Rational(1, 4));
        Assert.Equal(Text.Replace("legato 0.5\n", "legato 0.5 prob 0.25\n"), edited);
        var second = ModifierEdit.Set(Text, Lane(Text, 2), "transpose", 12);
        Assert.Equal(Text.Replace("play \"g2\"", "play \"g2\" transpose 12"), second);
        Assert.Equal(new[] { 55 }, Notes(second, 2));
    }

    [Fact]
    public void EditsCompose()
    {
        var once = ModifierEdit.Set(Text, Lane(Text, 2), "transpose", 12);
        var twice = ModifierEdit.Set(once, Lane(once, 2), "transpose", -12);
        Assert.Equal(Text.Replace("play \"g2\"", "play \"g2\" transpose -12"), twice);
    }

    [Fact]
    public void ReplacesTheLastOfRepeatedModifiers()
    {
        const string text = "track t channel 1 { play \"c4\" fast 2 every 2 fast 3 fast 4 }";
        Assert.Equal("track t channel 1 { play \"c4\" fast 2 every 2 fast 3 fast 1.5 }", ModifierEdit.Set(text, Lane(text, 0), "fast", new Rational(3, 2)));
    }

    [Theory]
    [InlineData(3, 1, "3")]
    [InlineData(-1, 4, "-0.25")]
    [InlineData(1, 8, "0.125")]
    [InlineData(1237, 1000, "1.237")]
    [InlineData(-3, 1, "-3")]
    public void WritesExactDecimals(long numerator, long denominator, string text)
    {
        Assert.Equal(text, ModifierEdit.Format(new Rational(numerator, denominator)));
    }

    [Fact]
    public void RefusesWhatTheLanguageWouldRefuse()
    {
        var lane = Lane(Text, 0);
        Assert.Throws<ArgumentException>(() => ModifierEdit.Set(Text, lane, "rev", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModifierEdit.Set(Text, lane, "transpose", new Rational(1, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModifierEdit.Set(Text, lane, "legato", 0));
        Assert.Throws<ArgumentException>(() => ModifierEdit.Format(new Rational(1, 3)));
        Assert.Throws<ArgumentException>(() => ModifierEdit.Set("// moved\n" + Text, lane, "transpose", 2));
    }

    /// <summary>The knob table and the lane checker must agree on every modifier's extremes, or a knob could write what a lane refuses.</summary>
    [Fact]
    public void KnobBoundsAreTheLaneModifierBounds()
    {
        foreach (var m in MappableModifier.All)
        {
            var lowest = m.MinExclusive ? m.Min + new Rational(1, 1000) : m.Min;
            foreach (var value in new[] { lowest, m.Max })
            {
                var text = $"track t channel 1 {{ play \"c4\" {m.Name} {ModifierEdit.Format(value)} }}";
                Assert.True(Compile(text).Piece is not null, $"{m.Name} {value} should compile");
            }
            var outside = new[] { m.Max + 1, m.MinExclusive ? m.Min : m.Min - 1 };
            foreach (var value in outside)
            {
                var text = $"track t channel 1 {{ play \"c4\" {m.Name} {ModifierEdit.Format(value)} }}";
                Assert.True(Compile(text).HasErrors, $"{m.Name} {value} should not compile");
                Assert.False(m.Allows(value));
            }
        }
    }
}
