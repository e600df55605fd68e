using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// A weighted form graph over 10,000 bars of `seq events` (SPEC §5): how often each section follows each other one
/// matches the written weights. Every count must lie within 4.5 binomial standard deviations of its mean, about a
/// 1 in 150,000 chance of failing for a fair die per count; a weight misread (a fraction truncated, weights taken
/// as absolute), a target out of order or dice shared between entries moves counts by far more. The seeds are
/// fixed, so the outcome is the same on every run.
/// </summary>
public class FormStatisticsCliTests
{
    private const double Sigmas = 4.5;
    private const string Bars = "10000";

    /// <summary>(from, to) -> weight as written; a missing pair is a transition that must never happen.</summary>
    private static readonly Dictionary<(string From, string To), double> OneBarWeights = new()
    {
        [("a", "a")] = 1, [("a", "b")] = 2, [("a", "c")] = 0.5,
        [("b", "a")] = 3, [("b", "c")] = 1,
        [("c", "a")] = 1, [("c", "b")] = 1, [("c", "c")] = 1,
    };

    private const string OneBarGraph = """
        form {
          a 1 -> a 1 | b 2 | c 0.5
          b 1 -> a 3 | c
          c 1 -> a | b | c
        }
        track t channel 1 { play "~" }

        """;

    private static readonly Dictionary<(string From, string To), double> LongerWeights = new()
    {
        [("verse", "verse")] = 0.75, [("verse", "chorus")] = 0.25,
        [("chorus", "verse")] = 1.5, [("chorus", "bridge")] = 0.5,
        [("bridge", "chorus")] = 1,
    };

    /// <summary>Sections of several bars: a transition happens once per entry, not once per bar.</summary>
    private const string LongerGraph = """
        form {
          verse  2 -> verse 0.75 | chorus 0.25
          chorus 3 -> verse 1.5 | bridge 0.5
          bridge 1 -> chorus
        }
        track t channel 1 { play "~" }

        """;

    public static TheoryData<string, long> Cases() => new()
    {
        { nameof(OneBarGraph), 1 },
        { nameof(OneBarGraph), 2024 },
        { nameof(OneBarGraph), -8 },
        { nameof(LongerGraph), 5 },
        { nameof(LongerGraph), 77 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TransitionFrequenciesMatchTheWeightsWithinBinomialBounds(string graph, long seed)
    {
        var (source, weights) = graph == nameof(OneBarGraph) ? (OneBarGraph, OneBarWeights) : (LongerGraph, LongerWeights);
        var headers = SeqEvents.Headers(SeqEvents.Write(source), Bars, "--seed", seed.ToString());
        Assert.Equal(10_000, headers.Count);

        // An entry starts at each bar 1/n; consecutive entries are one transition.
        var entries = headers.Where(h => h.SectionBar == 1).Select(h => h.Section!).ToList();
        var counts = new Dictionary<(string, string), int>();
        for (var i = 1; i < entries.Count; i++)
        {
            var pair = (entries[i - 1], entries[i]);
            Assert.True(weights.ContainsKey(pair), $"seed {seed}: {pair.Item1} -> {pair.Item2} is no arrow of the graph");
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }
        // Each entry lasts its section's length: bars 1/n .. n/n follow each other with nothing in between.
        Assert.All(headers.Zip(headers.Skip(1)), p => Assert.True(
            p.Second.SectionBar == 1 ? p.First.SectionBar == p.First.SectionBars : p.Second.SectionBar == p.First.SectionBar + 1 && p.Second.Section == p.First.Section,
            $"{p.First.Line} then {p.Second.Line}"));

        var failures = new List<string>();
        foreach (var from in weights.Keys.Select(k => k.From).Distinct())
        {
            var targets = weights.Where(w => w.Key.From == from).ToList();
            var departures = targets.Sum(t => counts.GetValueOrDefault(t.Key));
            var total = targets.Sum(t => t.Value);
            Assert.True(departures >= 200, $"seed {seed}: only {departures} departures from {from}");
            foreach (var (pair, weight) in targets)
            {
                var p = weight / total;
                var mean = departures * p;
                var deviation = Math.Sqrt(departures * p * (1 - p));
                var count = counts.GetValueOrDefault(pair);
                if (Math.Abs(count - mean) > Sigmas * deviation)
                    failures.Add($"{pair.From} -> {pair.To}: {count} of {departures}, expected {mean:F0} ± {Sigmas * deviation:F0}");
            }
        }
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void SuccessiveChoicesAreIndependent()
    {
        // From a, whether the walk went to b last time says nothing about where it goes now: the share of a -> b
        // after an a -> b and after anything else are both 2 / 3.5, within binomial bounds of each other.
        var entries = SeqEvents.Headers(SeqEvents.Write(OneBarGraph), Bars, "--seed", "31").Select(h => h.Section!).ToList();
        int afterB = 0, afterBHits = 0, otherwise = 0, otherwiseHits = 0;
        string? lastChoiceFromA = null;
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i - 1] != "a") continue;
            var hit = entries[i] == "b";
            if (lastChoiceFromA == "b") { afterB++; if (hit) afterBHits++; }
            else if (lastChoiceFromA is not null) { otherwise++; if (hit) otherwiseHits++; }
            lastChoiceFromA = entries[i];
        }
        double p1 = afterBHits / (double)afterB, p2 = otherwiseHits / (double)otherwise;
        var deviation = Math.Sqrt(p1 * (1 - p1) / afterB + p2 * (1 - p2) / otherwise);
        Assert.True(Math.Abs(p1 - p2) <= Sigmas * deviation, $"a -> b: {p1:F3} after an a -> b ({afterB}), {p2:F3} otherwise ({otherwise})");
        Assert.InRange(afterB, 500, 5000);
    }
}
