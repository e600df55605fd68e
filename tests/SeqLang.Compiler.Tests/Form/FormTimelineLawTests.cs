using SeqLang.Compiler.Form;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>Laws of <see cref="FormTimeline"/>: any query order sees the one forward walk, and the parts agree.</summary>
public class FormTimelineLawTests
{
    private const string Song = """
        form {
          intro  2 -> verse
          verse  4 -> verse 2 | chorus
          chorus 3 -> verse 3 | bridge 1 | outro 1
          bridge 2 -> chorus
          outro  2 -> end
        }
        """;

    private const string Endless = """
        form {
          a 1 -> b 3 | c 1 | a 2
          b 2 -> a | c
          c 3
        }
        """;

    private static List<SectionPosition?> Forward(FormGraph graph, long seed, int bars)
    {
        var timeline = new FormTimeline(graph, seed);
        return Enumerable.Range(0, bars).Select(bar => timeline.SectionAt(bar)).ToList();
    }

    [Theory]
    [InlineData(Song, 1)]
    [InlineData(Song, 99)]
    [InlineData(Endless, 3)]
    public void AnyQueryOrderSeesTheForwardWalk(string text, long seed)
    {
        const int Bars = 3_000;
        var graph = BoundForm.Clean(text);
        var forward = Forward(graph, seed, Bars);
        var shuffled = Enumerable.Range(0, Bars).ToArray();
        new Random(1234).Shuffle(shuffled);
        var timeline = new FormTimeline(graph, seed);
        foreach (var bar in shuffled) Assert.Equal(forward[bar], timeline.SectionAt(bar));
    }

    [Theory]
    [InlineData(Song, 1)]
    [InlineData(Song, 2)]
    [InlineData(Endless, 4)]
    public void EntriesBarsAndTheEndAgree(string text, long seed)
    {
        var graph = BoundForm.Clean(text);
        var timeline = new FormTimeline(graph, seed);
        var end = new FormTimeline(graph, seed).EndBar;  // asked first, on a fresh timeline: it must not depend on the cache
        var earlier = new Dictionary<string, long>();
        long bar = 0;
        for (var ordinal = 0; ordinal < 500 && timeline.Entry(ordinal) is { } entry; ordinal++)
        {
            Assert.Equal((ordinal, bar), (entry.Ordinal, entry.Start));
            Assert.Equal(earlier.GetValueOrDefault(entry.Section), entry.EarlierEntries);
            earlier[entry.Section] = entry.EarlierEntries + 1;
            for (var k = 1; k <= entry.Length; k++, bar++)
                Assert.Equal(new SectionPosition(entry, k), timeline.SectionAt(bar));
        }
        if (end is { } last)
        {
            Assert.Equal(last, bar);
            Assert.Null(timeline.SectionAt(last));
        }
        else
        {
            Assert.False(graph.CanEnd);
        }
    }

    [Fact]
    public void AnEndReachableOnlyByChanceIsFoundByWalking()
    {
        // `a` loops on itself 999 times in 1000 on average before `b` ends the piece.
        var graph = BoundForm.Clean("form {\n  a 1 -> a 999 | b 1\n  b 1 -> end\n}");
        var timeline = new FormTimeline(graph, seed: 8);
        var end = timeline.EndBar;
        Assert.NotNull(end);
        Assert.Equal("b", timeline.SectionAt(end!.Value - 1)!.Value.Section);
        Assert.Null(timeline.SectionAt(end.Value));
    }

    [Fact]
    public void APieceThatCanNoLongerEndHasNoEnd()
    {
        // `-> end` exists but the walk may fall into `c`, which repeats forever; which it does is up to the seed.
        var graph = BoundForm.Clean("form {\n  a 1 -> b | c\n  b 1 -> end\n  c 1\n}");
        Assert.True(graph.CanEnd);
        var seeds = Enumerable.Range(0, 40).Select(seed => new FormTimeline(graph, seed)).ToList();
        Assert.All(seeds, t => Assert.Equal(t.SectionAt(1)!.Value.Section == "b" ? 2 : null, t.EndBar));
        Assert.Contains(seeds, t => t.EndBar is null);
        Assert.Contains(seeds, t => t.EndBar is not null);
    }

    [Fact]
    public void ThreadsSharingATimelineSeeTheForwardWalk()
    {
        var graph = BoundForm.Clean(Endless);
        var forward = Forward(graph, 11, 20_000);
        var shared = new FormTimeline(graph, 11);
        Parallel.For(0, 4, worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 5_000; i++)
            {
                var bar = random.Next(20_000);
                Assert.Equal(forward[bar], shared.SectionAt(bar));
            }
        });
    }

    [Fact]
    public void NegativeBarsAreABug()
    {
        var timeline = new FormTimeline(FormGraph.WholePiece, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.SectionAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.Entry(-1));
    }
}
