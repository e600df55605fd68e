using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Patterns.Generators;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §15's <c>life</c>: a 2-D automaton on a torus, one row a drum, generation b in bar b; its first grid, period and diagnostics.</summary>
public class LifeTests
{
    private static string Kit(string lane) => $"track d channel 10 {{\n  {lane}\n}}\n";

    // A blinker in the middle of a 5-row, 8-cell grid: three cells across row 2, then three down column 3, and back.
    private const string Blinker = "beat life B3/S23 width 8 rows bd sd hh oh cp from " +
        "\"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ x x x ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\"";

    private static List<string> Bar(List<PieceEvent> events, long bar, int steps) =>
        events.Where(e => e.Bar == bar).Select(e => $"{((e.Begin - bar) * steps).Floor()}:{e.Number}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_blinker_turns_each_bar_one_row_a_drum()
    {
        var events = Of(Kit(Blinker), 4);
        Assert.Equal(new[] { "2:42", "3:42", "4:42" }, Bar(events, 0, 8));
        Assert.Equal(new[] { "3:38", "3:42", "3:46" }, Bar(events, 1, 8));
        Assert.Equal(Bar(events, 0, 8), Bar(events, 2, 8));
        Assert.Equal(Bar(events, 1, 8), Bar(events, 3, 8));
        Assert.All(events, e => Assert.Equal(new Core.Time.Rational(1, 8), e.End - e.Begin));
    }

    [Fact]
    public void The_rule_may_be_written_in_lower_case_and_survival_first()
    {
        var upper = Of(Kit(Blinker), 6);
        Assert.Equal(upper, Of(Kit(Blinker.Replace("B3/S23", "s23/b3")), 6));
        Assert.Equal(upper, Of(Kit(Blinker.Replace("B3/S23", "b3/s23")), 6));
    }

    [Fact]
    public void A_glider_on_a_torus_comes_back_after_its_period_and_far_bars_answer_from_the_cycle()
    {
        // A glider moves one cell diagonally in 4 generations: on an 8 by 8 torus it is back after 32.
        var glider = new ulong[8];
        glider[0] = 0b010;
        glider[1] = 0b100;
        glider[2] = 0b111;
        var life = new LifeAutomaton(1 << 3, 1 << 2 | 1 << 3, 8, glider);
        Assert.Equal(glider, life.Grid(32));
        Assert.NotEqual(glider, life.Grid(4));
        Assert.Equal(5, life.Grid(4).Sum(r => System.Numerics.BitOperations.PopCount(r)));
        Assert.Equal(life.Grid(7), life.Grid(10_000_007));
        Assert.Null(life.DiesAt(10_000));
    }

    [Fact]
    public void Any_bar_asked_in_any_order_is_what_a_run_from_bar_0_gives()
    {
        var text = Kit("beat life B36/S23 width 16 rows bd sd hh ch oh from random 0.4 vel 90");
        var full = Of(text, 120);
        var piece = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions()).Piece!;
        var stream = new EventStream(piece);
        foreach (var bar in new[] { 119, 3, 77, 0, 50 })
        {
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
            Assert.Equal(full.Where(e => e.Bar == bar), events);
        }
        Assert.Contains(full, e => e.Bar == 0);
    }

    [Fact]
    public void The_first_grid_is_random_half_by_default_and_its_density_shows()
    {
        static int Live(string lane) => Of(Kit(lane), 1).Count;
        var rows = "rows bd sd hh oh cp rim lt mt ht cb";
        Assert.Equal(Of(Kit($"beat life B3/S23 width 64 {rows}"), 3), Of(Kit($"beat life B3/S23 width 64 {rows} from random 0.5"), 3));
        // 640 cells: a density's live count within 4 standard deviations.
        Assert.InRange(Live($"beat life B3/S23 width 64 {rows}"), 320 - 51, 320 + 51);
        Assert.InRange(Live($"beat life B3/S23 width 64 {rows} from random 0.1"), 64 - 31, 64 + 31);
        Assert.Equal(0, Live($"beat life B3/S23 width 64 {rows} from random 0"));
        Assert.Equal(640, Live($"beat life B3/S23 width 64 {rows} from random 1"));
        // Another lane name is another stream: another first grid.
        Assert.NotEqual(Of(Kit($"beat life B3/S23 {rows}"), 1).Select(e => (e.Begin, e.Number)), Of(Kit($"beat2 life B3/S23 {rows}"), 1).Select(e => (e.Begin, e.Number)));
    }

    [Fact]
    public void A_pitched_lane_reads_its_rows_as_notes()
    {
        var notes = Of(Track("  play life B3/S23 width 4 rows c4 e4 g4 from \"x ~ ~ ~\" \"x ~ ~ ~\" \"x ~ ~ ~\""), 2);
        // A full column on a 3-row torus: each of its cells has 2 live neighbours and lives on; the cells beside it
        // have 3 and are born, so bar 1 plays the chord on steps 0, 1 and 3.
        Assert.Equal(new[] { "0:60", "0:64", "0:67" }, Bar(notes, 0, 4));
        Assert.Equal(new[] { "0:60", "0:64", "0:67", "1:60", "1:64", "1:67", "3:60", "3:64", "3:67" }, Bar(notes, 1, 4));
    }

    [Fact]
    public void With_n_a_step_plays_once_when_any_cell_of_its_column_lives()
    {
        var notes = Of(Track("  play life B3/S23 width 4 rows a b c from \"x ~ ~ ~\" \"x ~ ~ ~\" \"~ ~ ~ ~\" n \"<c4 e4>\""), 1);
        Assert.Equal(new[] { "0:60" }, Bar(notes, 0, 4));
    }

    [Fact]
    public void Life_that_dies_out_warns_from_which_bar()
    {
        var warning = Assert.Single(Check(Kit("beat life B3/S23 width 8 rows bd sd hh from \"~ ~ ~ x ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\" \"~ ~ ~ ~ ~ ~ ~ ~\"")));
        Assert.Equal("SEQ0341", warning.Code);
        Assert.Contains("lane d.beat", warning.Message);
        Assert.Contains("bar 1", warning.Message);
        // B0 lights an empty grid: it never stays silent.
        Assert.Empty(Check(Kit("beat life B0/S23 width 8 rows bd sd hh from random 0")));
    }

    [Theory]
    [InlineData("beat life B39/S23 rows bd sd", "SEQ0342", "9")]
    [InlineData("beat life B3/S2x rows bd sd", "SEQ0342", "x")]
    [InlineData("beat life B3 rows bd sd", "SEQ0342", "B3")]
    [InlineData("beat life B3/B2 rows bd sd", "SEQ0342", "B3/B2")]
    [InlineData("beat life X3/S23 rows bd sd", "SEQ0342", "X3/S23")]
    [InlineData("beat life B3/S23 width 65 rows bd sd", "SEQ0342", "65")]
    [InlineData("beat life B3/S23 width 8", "SEQ0342", "life B3/S23 width 8")]
    [InlineData("beat life B3/S23 rows bd sd from random 1.5", "SEQ0342", "1.5")]
    [InlineData("beat life B3/S23 width 4 rows bd sd from \"x ~ ~ ~\"", "SEQ0342", "from")]
    [InlineData("beat life B3/S23 width 4 rows bd sd from \"x ~ ~ ~\" \"x ~ ~\"", "SEQ0342", "\"x ~ ~\"")]
    [InlineData("beat life B3/S23 widht 8 rows bd sd", "SEQ0332", "widht")]
    [InlineData("beat life B3/S23 rows bd zz", "SEQ0501", "zz")]
    public void Mistakes_are_reported_where_they_are_written(string lane, string code, string at)
    {
        var text = Kit(lane);
        var d = Assert.Single(Check(text), x => x.Code == code);
        Assert.Equal(at, text.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void A_misspelt_option_gets_a_suggestion()
    {
        var d = Assert.Single(Check(Kit("beat life B3/S23 row bd sd")), x => x.Code == "SEQ0332");
        Assert.Contains("rows", d.Message);
    }
}
