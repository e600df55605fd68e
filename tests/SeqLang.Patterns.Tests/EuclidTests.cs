using static SeqLang.Patterns.Tests.Show;

namespace SeqLang.Patterns.Tests;

/// <summary>
/// Euclidean rhythms against a plain array implementation of the algorithm as Strudel states it
/// (Bjorklund in Rohan Drape's form, rotation by <c>slice(-r)</c>), and their event counts.
/// </summary>
public sealed class EuclidTests
{
    /// <summary>The textbook version: lists of sequences, one step at a time.</summary>
    private static List<int> Reference(int ons, int steps)
    {
        var inverted = ons < 0;
        ons = Math.Abs(ons);
        var xs = Enumerable.Range(0, ons).Select(_ => new List<int> { 1 }).ToList();
        var ys = Enumerable.Range(0, steps - ons).Select(_ => new List<int> { 0 }).ToList();
        int a = ons, b = steps - ons;
        while (Math.Min(a, b) > 1)
        {
            if (a > b)
            {
                var joined = xs.Take(b).Select((x, i) => x.Concat(ys[i]).ToList()).ToList();
                var rest = xs.Skip(b).ToList();
                (xs, ys, a, b) = (joined, rest, b, a - b);
            }
            else
            {
                var joined = xs.Select((x, i) => x.Concat(ys[i]).ToList()).ToList();
                var rest = ys.Skip(a).ToList();
                (xs, ys, b) = (joined, rest, b - a);
            }
        }
        var flat = xs.SelectMany(x => x).Concat(ys.SelectMany(y => y)).ToList();
        return inverted ? flat.Select(v => 1 - v).ToList() : flat;
    }

    private static List<int> Rotate(List<int> rhythm, int rotation)
    {
        if (rotation == 0 || Math.Abs(rotation) >= rhythm.Count) return rhythm;
        var n = rhythm.Count;
        return Enumerable.Range(0, n).Select(i => rhythm[((i - rotation) % n + n) % n]).ToList();
    }

    [Fact]
    public void Matches_the_reference_for_every_rhythm_up_to_24_steps_and_all_rotations()
    {
        for (var steps = 1; steps <= 24; steps++)
        for (var ons = -steps; ons <= steps; ons++)
        {
            var plain = Reference(ons, steps);
            foreach (var rotation in new[] { 0, 1, 2, 3, -1, -2, steps - 1, steps, steps + 1, -steps, -steps - 3, 100 })
            {
                var expected = Rotate(plain, rotation);
                var got = new Bjorklund(ons, steps, rotation).ToArray().Select(b => b ? 1 : 0).ToList();
                Assert.True(expected.SequenceEqual(got), $"({ons},{steps},{rotation}): expected {string.Concat(expected)} got {string.Concat(got)}");
            }
        }
    }

    [Fact]
    public void Known_rhythms()
    {
        Assert.Equal("10010010", Bits(3, 8, 0));   // tresillo
        Assert.Equal("10110110", Bits(5, 8, 0));   // cinquillo
        Assert.Equal("10100100", Bits(3, 8, 2));   // rotated later by two steps
        Assert.Equal("01101101", Bits(-3, 8, 0));  // negative pulses invert
    }

    private static string Bits(int ons, int steps, int rotation) =>
        string.Concat(new Bjorklund(ons, steps, rotation).ToArray().Select(b => b ? '1' : '0'));

    [Theory]
    [InlineData(3, 8)]
    [InlineData(5, 16)]
    [InlineData(7, 12)]
    [InlineData(0, 5)]
    [InlineData(9, 9)]
    public void Each_cycle_has_as_many_events_as_pulses(int pulses, int steps)
    {
        var p = P("x").Euclid(pulses, steps, 0);
        for (var c = 0; c < 4; c++) Assert.Equal(pulses, p.QueryCycle(c).Count(h => h.HasOnset));
    }

    [Fact]
    public void Huge_sparse_rhythms_are_cheap()
    {
        var p = P("x").Euclid(3, 99_999_999, 0);
        var output = new List<Hap<string>>();
        var result = p.TryQuery(new SeqLang.Core.Time.Arc(5, 6), output, new QueryLimits(10_000, 1_000));
        Assert.True(result.IsOk);
        Assert.Equal(3, output.Count(h => h.HasOnset));
    }

    [Fact]
    public void Impossible_rhythms_fail_when_queried()
    {
        var output = new List<Hap<string>>();
        Assert.Equal(QueryStatus.InvalidArgument, P("x").Euclid(5, 3, 0).TryQuery(new SeqLang.Core.Time.Arc(0, 1), output, QueryLimits.Default).Status);
        Assert.Equal(QueryStatus.InvalidArgument, P("x").Euclid(R(5, 2), 8, 0).TryQuery(new SeqLang.Core.Time.Arc(0, 1), output, QueryLimits.Default).Status);
        Assert.Empty(output);
    }
}
