using SeqLang.Core.Time;
using static SeqLang.Patterns.Tests.Show;

namespace SeqLang.Patterns.Tests;

/// <summary>The cycle cache must never change an answer; the work budget must stop runaway patterns.</summary>
public sealed class CacheAndLimitTests
{
    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    /// <summary>Random combinator trees of the periodic kinds.</summary>
    private static Pattern<string> RandomTree(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0) return random.Next(5) == 0 ? Pattern.Silence<string>() : P(((char)('a' + random.Next(6))).ToString());
        Pattern<string> Child() => RandomTree(random, depth - 1);
        return random.Next(9) switch
        {
            0 => Pattern.FastCat(Child(), Child(), Child()),
            1 => Pattern.SlowCat(Child(), Child()),
            2 => Pattern.Stack(Child(), Child()),
            3 => Child().Fast(new Rational(random.Next(1, 7), random.Next(1, 4))),
            4 => Child().Slow(new Rational(random.Next(1, 5), random.Next(1, 3))),
            5 => Child().Euclid(random.Next(0, 6), 8, random.Next(-3, 4)),
            6 => Pattern.TimeCat(new[] { (new Rational(random.Next(1, 4), 1), Child()), (new Rational(1, 2), Child()) }),
            7 => Child().RepeatCycles(random.Next(1, 4)),
            _ => Child().Late(new Rational(random.Next(-3, 4), 4)),
        };
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cached_patterns_answer_exactly_as_the_pattern_itself(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 20; i++)
        {
            var p = RandomTree(random, 4);
            var cached = p.Cached(maxPeriod: 1024);
            for (var c = -3; c < 30; c++)
                Assert.Equal(Haps(p, new Arc(c, c + 1)), Haps(cached, new Arc(c, c + 1)));
            Assert.Equal(Haps(p, new Arc(new Rational(1, 3), new Rational(17, 4))), Haps(cached, new Arc(new Rational(1, 3), new Rational(17, 4))));
            for (var k = 0; k < 40; k++)
            {
                var t = new Rational(k * 7 - 20, 12);
                Assert.Equal(Haps(p, new Arc(t, t)), Haps(cached, new Arc(t, t)));
                Assert.Equal(p.TrySampleAt(t, out var a) ? a : null, cached.TrySampleAt(t, out var b) ? b : null);
            }
        }
    }

    [Fact]
    public void Periods_are_known_for_the_periodic_combinators()
    {
        Assert.Equal(Rational.One, P("a").Period);
        Assert.Equal(new Rational(1, 2), P("a").Fast(2).Period);
        Assert.Equal(new Rational(3, 1), Pattern.SlowCat(P("a"), P("b"), P("c")).Period);
        Assert.Equal(new Rational(6, 1), Pattern.Stack(Pattern.SlowCat(P("a"), P("b")), Pattern.SlowCat(P("a"), P("b"), P("c"))).Period);
        Assert.Null(P("a").DegradeBy(0.5, 1, 1).Period);
    }

    [Fact]
    public void Sampling_at_a_boundary_takes_the_later_event()
    {
        var velocities = Seq("90", "60", "75", "60").Cached();
        Assert.True(velocities.TrySampleAt(new Rational(1, 4), out var v));
        Assert.Equal("60", v);
        Assert.True(velocities.TrySampleAt(new Rational(1001, 2), out v));
        Assert.Equal("75", v);
    }

    [Fact]
    public void A_huge_speed_up_stops_at_the_budget_as_too_many_events()
    {
        var output = new List<Hap<string>>();
        var result = P("a").Fast(100_000_000).TryQuery(new Arc(0, 1), output, QueryLimits.Default);
        Assert.Equal(QueryStatus.TooManyEvents, result.Status);
        Assert.Empty(output);
    }

    [Fact]
    public void Nested_speed_ups_stop_too()
    {
        var output = new List<Hap<string>>();
        var result = P("a").Fast(10_000).Fast(10_000).TryQuery(new Arc(0, 1), output, QueryLimits.Default);
        Assert.Equal(QueryStatus.TooManyEvents, result.Status);
    }

    [Fact]
    public void Work_without_events_is_bounded_too()
    {
        var output = new List<Hap<string>>();
        var rests = Pattern.FastCat(Pattern.Silence<string>(), Pattern.SlowCat(Pattern.Silence<string>(), Pattern.Silence<string>()));
        var result = rests.Fast(100_000_000).TryQuery(new Arc(0, 1), output, QueryLimits.Default);
        Assert.Equal(QueryStatus.TooMuchWork, result.Status);
    }

    [Fact]
    public void Exactly_the_limit_is_allowed_one_more_is_not()
    {
        var output = new List<Hap<string>>();
        Assert.True(P("a").Fast(10_000).TryQuery(new Arc(0, 1), output, QueryLimits.Default).IsOk);
        Assert.Equal(10_000, output.Count);
        output.Clear();
        Assert.Equal(QueryStatus.TooManyEvents, P("a").Fast(10_001).TryQuery(new Arc(0, 1), output, QueryLimits.Default).Status);
    }

    [Fact]
    public void Times_beyond_64_bits_are_reported_not_thrown()
    {
        var output = new List<Hap<string>>();
        var p = P("a").Slow(new Rational(long.MaxValue / 2, 1)).Fast(new Rational(1, long.MaxValue / 3));
        var result = p.TryQuery(new Arc(long.MaxValue / 4, long.MaxValue / 4 + 1), output, QueryLimits.Default);
        Assert.Equal(QueryStatus.Overflow, result.Status);
    }
}
