using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §15's rhythm generators in lanes: any bar in any order, modifiers after them, and their diagnostics.</summary>
public class RhythmGeneratorTests
{
    private const string Beat = "track drums channel 10 {\n  kick bresenham 5 16 vel vdc 60..120\n  hits weights { bd 0.5 sd 0.25 } steps 12 prob 0.8\n" +
        "  hh cellular 30 width 16 from random 0.5\n  rim cellular 110 width 12 from \"x ~ ~ x ~ ~ ~ ~ ~ ~ ~ x\" fast 2\n}\n";

    [Fact]
    public void Any_bar_asked_in_any_order_is_what_a_run_from_bar_0_gives()
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", Beat), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var forward = new EventStream(compilation.Piece!);
        var all = new List<List<PieceEvent>>();
        for (var bar = 0; bar < 200; bar++)
        {
            var events = new List<PieceEvent>();
            Assert.True(forward.Bar(bar, events, new DiagnosticBag()));
            all.Add(events);
        }
        // A fresh piece (a reload) asked backwards, from the end: the same events, bar for bar.
        var again = SeqCompiler.Compile(new SourceText("t.seq", Beat), new CompileOptions()).Piece!;
        var backward = new EventStream(again);
        for (var bar = 199; bar >= 0; bar -= 7)
        {
            var events = new List<PieceEvent>();
            Assert.True(backward.Bar(bar, events, new DiagnosticBag()));
            Assert.Equal(all[bar], events);
        }
    }

    [Fact]
    public void A_pitched_lane_takes_its_notes_from_n()
    {
        var notes = Of(Track("  play bresenham 3 8 n \"c4 e4 g4\""), 1);
        Assert.Equal(new[] { 60, 64, 67 }, notes.Select(e => e.Number));
        var error = Assert.Single(Check(Track("  play bresenham 3 8")));
        Assert.Equal("SEQ0340", error.Code);
    }

    [Fact]
    public void An_automaton_that_dies_out_warns_from_which_bar()
    {
        var warning = Assert.Single(Check("track d channel 10 {\n  hh cellular 90 width 16\n}\n"));
        Assert.Equal("SEQ0341", warning.Code);
        Assert.Contains("bar 8", warning.Message);
        Assert.Empty(Check("track d channel 10 {\n  hh cellular 30 width 16\n}\n"));
    }

    [Theory]
    [InlineData("  kick bresenham 17 16", "SEQ0342", "17")]
    [InlineData("  kick cellular 300", "SEQ0342", "300")]
    [InlineData("  kick cellular 30 width 8 from \"x ~ x\"", "SEQ0342", "\"x ~ x\"")]
    [InlineData("  kick cellular 30 widht 8", "SEQ0332", "widht")]
    [InlineData("  hits weights { bd 1 zz 1 }", "SEQ0501", "zz")]
    [InlineData("  hits weights { bd 1 } stepz 8", "SEQ0332", "stepz")]
    public void Mistakes_are_reported_where_they_are_written(string lane, string code, string at)
    {
        var text = $"track d channel 10 {{\n{lane}\n}}\n";
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void An_lsystem_word_plays_one_atom_a_step_across_bar_lines()
    {
        var text = "lsystem fib { axiom \"bd\"  bd -> \"bd sd\"  sd -> \"bd\" }\ntrack d channel 10 {\n  beat lsystem fib gen 3 step 1/8\n}\n";
        var notes = Of(text, 2);
        // Generation 3 is bd sd bd bd sd (5 atoms), repeated: 16 steps over two bars of eighths.
        Assert.Equal(new[] { 36, 38, 36, 36, 38, 36, 38, 36, 36, 38, 36, 38, 36, 36, 38, 36 }, notes.Select(e => e.Number));
    }

    [Fact]
    public void Weighted_rules_choose_per_atom_by_their_weights_and_the_same_every_time()
    {
        var text = "lsystem w { axiom \"bd\"  bd -> \"bd bd\" 1 | \"sd sd\" 3  sd -> \"bd bd\" 1 | \"sd sd\" 3 }\ntrack d channel 10 {\n  beat lsystem w gen 12 step 1/16\n}\n";
        var notes = Of(text, 256);
        Assert.Equal(notes, Of(text, 256));
        // The last generation chose 2,048 times between bd bd (1) and sd sd (3): each choice gave two atoms.
        var snares = notes.Take(4096).Count(e => e.Number == 38) / 2;
        var sigma = Math.Sqrt(2048 * 0.75 * 0.25);
        Assert.InRange(snares, 2048 * 0.75 - 4 * sigma, 2048 * 0.75 + 4 * sigma);
    }

    [Theory]
    [InlineData("lsystem a { bd -> \"bd sd\" }\n", "  beat lsystem a gen 2", "SEQ0342", "a")]
    [InlineData("lsystem a { axoim \"bd\" }\n", "  beat lsystem a gen 2", "SEQ0342", "axoim")]
    [InlineData("lsystem fib { axiom \"bd\"  bd -> \"bd sd\"  sd -> \"bd\" }\n", "  beat lsystem fbi gen 2", "SEQ0342", "fbi")]
    [InlineData("lsystem fib { axiom \"bd\"  bd -> \"bd sd\"  sd -> \"bd\" }\n", "  beat lsystem fib gen 40", "SEQ0342", "lsystem fib gen 40")]
    [InlineData("lsystem fib { axiom \"bd\"  bd -> \"bd zz\" }\n", "  beat lsystem fib gen 2", "SEQ0501", "zz")]
    public void Lsystem_mistakes_are_reported_where_they_are_written(string header, string lane, string code, string at)
    {
        var text = $"{header}track d channel 10 {{\n{lane}\n}}\n";
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
    }
}
