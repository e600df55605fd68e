using SeqLang.Core.Time;
using static SeqLang.Patterns.Tests.Show;

namespace SeqLang.Patterns.Tests;

/// <summary>Algebraic laws of the combinators, as Strudel's tests state them; each can fail.</summary>
public sealed class LawTests
{
    public static TheoryData<string> Shapes() => new() { "a", "seq", "nested", "slowcat", "timecat", "euclid", "slow3", "stack" };

    private static Pattern<string> Shape(string name) => name switch
    {
        "a" => P("a"),
        "seq" => Seq("a", "b", "c"),
        "nested" => Pattern.FastCat(P("a"), Seq("b", "c").Fast(3), Pattern.SlowCat(P("d"), P("e"))),
        "slowcat" => Pattern.SlowCat(Seq("a", "b"), P("c"), Seq("d", "e", "f")),
        "timecat" => Pattern.TimeCat(new[] { (R(3), P("a")), (R(1, 2), Seq("b", "c")), (R(1), P("d")) }),
        "euclid" => Seq("a", "b").Euclid(5, 8, 2),
        "slow3" => Seq("a", "b").Slow(R(3, 2)),
        _ => Pattern.Stack(Seq("a", "b"), P("c").Fast(3)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Fast_undoes_slow(string shape)
    {
        var p = Shape(shape);
        Assert.Equal(Onsets(p), Onsets(p.Slow(2).Fast(2)));
        Assert.Equal(Onsets(p), Onsets(p.Fast(R(3, 2)).Slow(R(3, 2))));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ply_one_iter_one_and_chunk_of_nothing_change_nothing(string shape)
    {
        var p = Shape(shape);
        Assert.Equal(Onsets(p), Onsets(p.Ply(1)));
        Assert.Equal(Onsets(p), Onsets(p.Iter(1)));
        Assert.Equal(Onsets(p.RepeatCycles(3)), Onsets(p.Chunk(3, x => x)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ply_n_has_n_times_the_onsets_and_palindrome_the_same_count(string shape)
    {
        // Over 12 cycles, a whole number of every shape's periods, so no event straddles the window's end.
        var p = Shape(shape);
        Assert.Equal(3 * Onsets(p, 0, 12).Count, Onsets(p.Ply(3), 0, 12).Count);
        Assert.Equal(Onsets(p, 0, 12).Count, Onsets(p.Palindrome(), 0, 12).Count);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Palindrome_is_the_pattern_in_even_cycles_and_its_reverse_in_odd_ones(string shape)
    {
        var p = Shape(shape);
        var palindrome = p.Palindrome();
        for (var cycle = 0; cycle < 4; cycle++)
        {
            var expected = cycle % 2 == 0 ? p : p.Rev();
            Assert.Equal(Onsets(expected, cycle, cycle + 1), Onsets(palindrome, cycle, cycle + 1));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Rev_twice_is_identity(string shape)
    {
        var p = Shape(shape);
        Assert.Equal(Onsets(p), Onsets(p.Rev().Rev()));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Late_then_early_is_identity(string shape)
    {
        var p = Shape(shape);
        Assert.Equal(Onsets(p), Onsets(p.Late(R(1, 3)).Early(R(1, 3))));
        for (var c = 0; c < 6; c++)
        {
            var moved = p.Late(1).QueryCycle(c + 1).Select(h => new Hap<string>(new Arc(h.Whole!.Value.Begin - 1, h.Whole.Value.End - 1), new Arc(h.Part.Begin - 1, h.Part.End - 1), h.Value));
            Assert.Equal(p.QueryCycle(c).Select(h => h.ToString()).Order(), moved.Select(h => h.ToString()).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Two_negative_speeds_cancel(string shape)
    {
        var p = Shape(shape);
        Assert.Equal(Onsets(p), Onsets(p.Fast(-1).Fast(-1)));
        Assert.Empty(Onsets(p.Fast(-1)));
    }

    [Fact]
    public void Fast_three_then_one_equals_subdivided_sequence()
    {
        // "a*3 b" = "[a a a] b"
        var left = Pattern.FastCat(P("a").Fast(3), P("b"));
        var right = Pattern.FastCat(Seq("a", "a", "a"), P("b"));
        Assert.Equal(Onsets(right), Onsets(left));
    }

    [Fact]
    public void Slowcat_plays_one_child_per_cycle_each_from_its_own_next_cycle()
    {
        var p = Pattern.SlowCat(Pattern.SlowCat(P("a"), P("b")), P("c"));
        // child 0 plays its own cycles 0, 1, 2 in cycles 0, 2, 4: a, b, a
        Assert.Equal(new[] { "0-1:a", "1-2:c", "2-3:b", "3-4:c", "4-5:a", "5-6:c" }, Onsets(p, 6).OrderBy(s => Rational.Parse(s.Split('-')[0])).ToArray());
    }

    [Fact]
    public void Timecat_with_equal_weights_equals_fastcat()
    {
        var weighted = Pattern.TimeCat(new[] { (R(1), P("a")), (R(1), Seq("b", "c")), (R(1), P("d")) });
        Assert.Equal(Onsets(Pattern.FastCat(P("a"), Seq("b", "c"), P("d"))), Onsets(weighted));
    }

    [Fact]
    public void Repeat_cycles_does_not_advance_the_source()
    {
        var p = Pattern.SlowCat(P("a"), P("b")).RepeatCycles(2).Fast(2);
        Assert.Equal(new[] { "0-1/2:a", "1-3/2:b", "1/2-1:a", "3/2-2:b" }, Onsets(p, 2).ToArray());
    }

    [Fact]
    public void Every_applies_in_cycles_divisible_by_n()
    {
        var p = Seq("a", "b").Every(3, x => x.Rev());
        var onsets = Onsets(p, 6);
        Assert.Contains("0-1/2:b", onsets);
        Assert.Contains("1-3/2:a", onsets);
        Assert.Contains("3-7/2:b", onsets);
        Assert.Contains("4-9/2:a", onsets);
    }

    [Fact]
    public void Compress_squeezes_a_cycle_into_a_span_leaving_a_gap()
    {
        Assert.Equal(new[] { "1/2-3/4:b", "1/4-1/2:a" }, Onsets(Seq("a", "b").Compress(R(1, 4), R(3, 4)), 1).ToArray());
    }

    [Fact]
    public void Segment_samples_the_value_at_each_step()
    {
        Assert.Equal(new[] { "0-1/4:a", "1/2-3/4:b", "1/4-1/2:a", "3/4-1:b" }, Onsets(Seq("a", "b").Segment(4), 1).ToArray());
    }

    [Fact]
    public void Select_and_where_keep_structure()
    {
        var p = Seq("a", "b", "c").Select(s => s.ToUpperInvariant()).Where(s => s != "B");
        Assert.Equal(new[] { "0-1/3:A", "2/3-1:C" }, Onsets(p, 1).ToArray());
    }

    [Fact]
    public void Patterned_speed_does_not_restart_the_inner_pattern()
    {
        // a*<2 3>: cycle 1 plays the thirds of cycle 1, not a fresh start.
        var factors = Pattern.SlowCat(Pattern.Pure(R(2)), Pattern.Pure(R(3)));
        var p = P("a").Fast(factors);
        Assert.Equal(new[] { "0-1/2:a", "1-4/3:a", "1/2-1:a", "4/3-5/3:a", "5/3-2:a" }, Onsets(p, 2).ToArray());
    }

    [Fact]
    public void Zero_speed_is_silence()
    {
        Assert.Empty(Onsets(P("a").Fast(0)));
        Assert.Empty(Onsets(P("a").Slow(0)));
    }
}

/// <summary>Polymeter alignment: {a b c, d e}%4 plays four steps of each sequence per cycle.</summary>
public sealed class PolymeterTests
{
    [Fact]
    public void Each_sequence_plays_the_given_steps_per_cycle()
    {
        var p = Pattern.Polymeter(new SeqLang.Core.Time.Rational(4, 1), (Show.Seq("a", "b", "c"), new SeqLang.Core.Time.Rational(3, 1)), (Show.Seq("d", "e"), new SeqLang.Core.Time.Rational(2, 1)));
        var first = Show.Onsets(p, 1);
        Assert.Equal(8, first.Count);
        Assert.Contains("3/4-1:a", first);
        Assert.Contains("3/4-1:e", first);
    }
}
