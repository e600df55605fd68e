using SeqLang.Compiler.Form;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>
/// Over many entries the seeded choices follow the weights: each count lies within 4.5 standard deviations of
/// its binomial mean (a chance of about 1 in 150,000 per count for a fair die; a weight read wrong, a choice
/// taken out of declaration order or dice shared between entries move it by dozens of deviations).
/// </summary>
public class FormChoiceStatisticsTests
{
    private const double Sigmas = 4.5;

    private const string Weighted = """
        form {
          a 1 -> b 3 | c 1 | a 2
          b 1 -> a
          c 1 -> a
        }
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(-7)]
    public void TransitionsFromAFollowTheWeights(long seed)
    {
        var timeline = new FormTimeline(BoundForm.Clean(Weighted), seed);
        var after = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        var previous = timeline.SectionAt(0)!.Value.Section;
        for (var bar = 1; bar < 10_000; bar++)
        {
            var section = timeline.SectionAt(bar)!.Value.Section;
            if (previous == "a") after[section]++;
            previous = section;
        }

        // Every entry lasts one bar and b and c go back to a, so a, b and c hold s, s/2 and s/6 of the bars: s = 0.6.
        var departures = after.Values.Sum();
        Assert.InRange(departures, 5_700, 6_300);
        foreach (var (section, weight) in new[] { ("b", 3.0), ("c", 1.0), ("a", 2.0) })
        {
            var p = weight / 6;
            var mean = departures * p;
            var deviation = Math.Sqrt(departures * p * (1 - p));
            Assert.True(Math.Abs(after[section] - mean) <= Sigmas * deviation,
                $"a -> {section}: {after[section]} of {departures}, expected {mean:F0} ± {Sigmas * deviation:F0}");
        }
    }

    [Fact]
    public void SuccessiveChoicesAreIndependent()
    {
        // With two equal weights, "the next choice repeats the last one" is itself a fair coin.
        var timeline = new FormTimeline(BoundForm.Clean("form {\n  a 1 -> a | b\n  b 1 -> a | b\n}"), seed: 5);
        var repeats = 0;
        const int Bars = 10_000;
        for (var bar = 1; bar < Bars; bar++)
            if (timeline.SectionAt(bar)!.Value.Section == timeline.SectionAt(bar - 1)!.Value.Section) repeats++;
        var mean = (Bars - 1) / 2.0;
        Assert.InRange(repeats, mean - Sigmas * Math.Sqrt((Bars - 1) / 4.0), mean + Sigmas * Math.Sqrt((Bars - 1) / 4.0));
    }
}
