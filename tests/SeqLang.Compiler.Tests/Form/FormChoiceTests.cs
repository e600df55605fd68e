using SeqLang.Compiler.Form;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>The weighted choice of SPEC §5: exact integer arithmetic, declaration order, seeded by entry.</summary>
public class FormChoiceTests
{
    private const string Song = """
        form {
          intro  2 -> verse
          verse  4 -> verse 2 | chorus
          chorus 3 -> verse 3 | bridge 0.5 | outro 0.5
          bridge 2 -> chorus
          outro  2 -> end
        }
        """;

    private static FormNext Weights(params Rational[] weights) =>
        FormNext.Choice(weights.Select((w, i) => new FormChoice(i, w)).ToList())!;

    [Fact]
    public void WeightsSplitTheUnitIntervalInDeclarationOrder()
    {
        var next = Weights(1, 3);
        Assert.Equal(0, next.Choose(0));
        Assert.Equal(0, next.Choose(0.25 - Math.Pow(2, -53)));
        Assert.Equal(1, next.Choose(0.25));
        Assert.Equal(1, next.Choose(1 - Math.Pow(2, -53)));
    }

    [Fact]
    public void FractionalWeightsChooseAsTheirWholeRatio()
    {
        var fractional = Weights(new Rational(1, 2), new Rational(3, 2), new Rational(1, 4));
        var whole = Weights(2, 6, 1);
        for (var i = 0; i < 1_000; i++)
        {
            var unit = i / 1_000.0;
            Assert.Equal(whole.Choose(unit), fractional.Choose(unit));
        }
        Assert.Equal(2, whole.Choose(0.9));
        Assert.Equal(1, whole.Choose(0.85));
    }

    [Fact]
    public void WeightsTooFineToAddUpInSixtyFourBitsAreRefused()
    {
        Assert.Null(FormNext.Choice(new[] { new FormChoice(0, new Rational(1, 1_000_000_000_000)), new FormChoice(1, 100_000_000) }));
        Assert.NotNull(FormNext.Choice(new[] { new FormChoice(0, new Rational(1, 1_000_000_000)), new FormChoice(1, 1_000_000_000) }));
    }

    [Fact]
    public void ChoosingOutsideTheUnitIntervalIsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Weights(1, 1).Choose(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Weights(1, 1).Choose(double.NaN));
        Assert.Throws<InvalidOperationException>(() => FormNext.End.Choose(0.5));
    }

    /// <summary>
    /// Pins the choice procedure across machines and versions. The expected lists come from an independent
    /// Python implementation of docs/form.md (tests/tools/form_choice_reference.py), not from this code.
    /// </summary>
    [Fact]
    public void ABranchingSongFollowsTheDocumentedProcedure()
    {
        var graph = BoundForm.Clean(Song);
        var seed42 = new FormTimeline(graph, seed: 42);
        Assert.Equal(new (string, long, long?)[]
        {
            ("intro", 0, 2), ("verse", 2, 4), ("verse", 6, 4), ("chorus", 10, 3), ("verse", 13, 4), ("verse", 17, 4),
            ("chorus", 21, 3), ("verse", 24, 4), ("verse", 28, 4), ("chorus", 32, 3), ("verse", 35, 4), ("chorus", 39, 3),
            ("outro", 42, 2),
        }, TimelineEntries.FromBars(seed42, 1_000));
        Assert.Equal(44, seed42.EndBar);

        var seed7 = new FormTimeline(graph, seed: 7);
        Assert.Equal(142, seed7.EndBar);
        Assert.Equal(("bridge", 120L, 33L), (seed7.Entry(33)!.Value.Section, seed7.Entry(33)!.Value.Start, seed7.Entry(33)!.Value.Ordinal));
    }

    [Fact]
    public void TheSameSeedGivesTheSameTimelineAndOtherSeedsDiffer()
    {
        var graph = BoundForm.Clean(Song.Replace("outro  2 -> end", "outro  2 -> intro"));
        List<string> Sections(long seed)
        {
            var timeline = new FormTimeline(graph, seed);
            return Enumerable.Range(0, 400).Select(bar => timeline.SectionAt(bar)!.Value.ToString()).ToList();
        }
        Assert.Equal(Sections(1), Sections(1));
        var differing = new[] { 2L, 3, -1, long.MaxValue }.Count(seed => !Sections(seed).SequenceEqual(Sections(1)));
        Assert.Equal(4, differing);
    }
}
