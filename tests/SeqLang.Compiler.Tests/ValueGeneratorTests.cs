using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §15's value generators (walk, logistic, markov): one transition per onset, walked from bar 0, any bar in any order.</summary>
public class ValueGeneratorTests
{
    private const string Chain = "markov bass { c2 -> eb2 2 | g2 1  eb2 -> c2  g2 -> c2 }\n";

    [Fact]
    public void Markov_transitions_follow_their_weights()
    {
        var notes = Of(Chain + Track("  play \"x*16\" n markov bass"), 1250).Select(e => e.Number).ToList();
        Assert.Equal(20_000, notes.Count);
        Assert.Equal(36, notes[0]);
        var fromC = 0;
        var toEb = 0;
        for (var i = 1; i < notes.Count; i++)
        {
            // eb2 and g2 always return to c2.
            if (notes[i - 1] != 36) Assert.Equal(36, notes[i]);
            else
            {
                fromC++;
                if (notes[i] == 39) toEb++;
            }
        }
        // From c2: eb2 with weight 2 of 3, within 4 standard deviations over about 10,000 transitions.
        var sigma = Math.Sqrt(fromC * (2.0 / 3) * (1.0 / 3));
        Assert.InRange(toEb, fromC * 2.0 / 3 - 4 * sigma, fromC * 2.0 / 3 + 4 * sigma);
        Assert.True(fromC > 9_000);
    }

    [Fact]
    public void A_walk_moves_by_at_most_its_step_within_its_range()
    {
        var values = Of(Track("  play \"c4*8\" vel walk 40..100 step 3"), 200).Select(e => e.Value).ToList();
        Assert.Equal(70, values[0]);
        Assert.All(values, v => Assert.InRange(v, 40, 100));
        for (var i = 1; i < values.Count; i++) Assert.InRange(Math.Abs(values[i] - values[i - 1]), 0, 3);
        Assert.True(values.Distinct().Count() > 20, "a walk should wander");
    }

    [Fact]
    public void The_logistic_map_starts_at_a_half_and_steps_once_per_onset()
    {
        var values = Of(Track("  play \"c4*4\" vel logistic 3.5 0..100"), 1).Select(e => e.Value).ToList();
        // x1 = 3.5/4 = 0.875; x2 = 3.5 · 0.875 · 0.125 = 0.3828125; x3 = 0.8269348...; x4 = 0.5008976...
        Assert.Equal(new[] { 88, 38, 83, 50 }, values);
    }

    [Fact]
    public void Any_bar_asked_first_is_what_a_run_from_bar_0_gives()
    {
        var text = Chain + Track("  play \"x*8?\" n markov bass vel walk 50..110 prob 0.9\n  play2 \"c4 e4*2\" vel logistic 3.9 40..120 n walk 0..7 degrees");
        var full = Of(text, 64);
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        foreach (var start in new[] { 63, 17, 40, 0 })
        {
            var stream = new EventStream(compilation.Piece!);
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(start, events, new DiagnosticBag()));
            Assert.Equal(full.Where(e => e.Bar == start), events);
        }
    }

    [Fact]
    public void Sections_and_mutes_never_shift_a_generator()
    {
        var plain = Of(Chain + "form a 4, b 4, a 4\n" + Track("  play \"x*8\" n markov bass"), 12);
        var inBlock = Of(Chain + "form a 4, b 4, a 4\n" + Track("  in a {\n    play \"x*8\" n markov bass\n  }"), 12);
        Assert.Equal(plain.Where(e => e.Bar is < 4 or >= 8), inBlock);
    }

    [Theory]
    [InlineData("markov m { c2 -> eb2 }\n", "  play \"x*4\" n markov m", "SEQ0342", "eb2")]
    [InlineData(Chain, "  play \"x*4\" n markov bas", "SEQ0342", "bas")]
    [InlineData(Chain, "  play \"c4*4\" vel markov bass", "SEQ0342", "markov bass")]
    [InlineData("", "  play \"c4*4\" vel walk 40.5..100", "SEQ0322", "walk 40.5..100")]
    [InlineData("", "  play \"c4*4\" vel logistic 5 0..100", "SEQ0329", "5")]
    public void Mistakes_are_reported_where_they_are_written(string header, string lane, string code, string at)
    {
        var text = header + Track(lane);
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
    }
}
