using SeqLang.Compiler.Form;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>SPEC §5 for each shape, as golden lists of (section, start bar, length) worked out by hand.</summary>
public class FormShapeTimelineTests
{
    [Fact]
    public void NoFormIsOneEndlessSectionMain()
    {
        var timeline = new FormTimeline(BoundForm.Clean("track p channel 1 { play \"c4\" }"), seed: 0);
        Assert.Equal(FormKind.WholePiece, timeline.Graph.Kind);
        Assert.Null(timeline.EndBar);
        var far = timeline.SectionAt(123_456)!.Value;
        Assert.Equal(("main", 123_457L, (long?)null, 0L, 0L), (far.Section, far.BarInSection, far.Length, far.Entry.Start, far.Entry.Ordinal));
        Assert.Equal("main 123457", far.ToString());
        Assert.Null(timeline.Entry(1));
    }

    [Fact]
    public void OncePlaysTheListThenEnds()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form intro 2, verse 4, intro 1"), seed: 0);
        Assert.Equal(new (string, long, long?)[] { ("intro", 0, 2), ("verse", 2, 4), ("intro", 6, 1) }, TimelineEntries.FromBars(timeline, 100));
        Assert.Equal(7, timeline.EndBar);
        Assert.NotNull(timeline.SectionAt(6));
        Assert.Null(timeline.SectionAt(7));
        Assert.Null(timeline.SectionAt(1_000));
        Assert.Null(timeline.Entry(3));
    }

    [Fact]
    public void ARepeatedNameInAListIsTheSameSectionEnteredAgain()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form a 2, b 1, a 2, a 1"), seed: 0);
        var entries = Enumerable.Range(0, 4).Select(i => timeline.Entry(i)!.Value).ToList();
        Assert.Equal(new long[] { 0, 0, 1, 2 }, entries.Select(e => e.EarlierEntries));
        Assert.Equal(new long?[] { 2, 1, 2, 1 }, entries.Select(e => e.Length));
        Assert.Equal(6, timeline.EndBar);
    }

    [Fact]
    public void LoopRepeatsTheListForever()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form loop a 2, b 3"), seed: 0);
        Assert.Equal(new (string, long, long?)[] { ("a", 0, 2), ("b", 2, 3), ("a", 5, 2), ("b", 7, 3), ("a", 10, 2) }, TimelineEntries.FromBars(timeline, 12));
        Assert.Null(timeline.EndBar);
        // Bar 1003 = 200 whole cycles of 5 bars, then 3 bars in: b's second bar, in entry 401, b's 201st entry.
        var position = timeline.SectionAt(1_003)!.Value;
        Assert.Equal(("b", 2L, 401L, 200L, 1_002L), (position.Section, position.BarInSection, position.Entry.Ordinal, position.Entry.EarlierEntries, position.Entry.Start));
    }

    [Fact]
    public void AGraphSectionWithNoArrowRepeatsItselfAsNewEntries()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form {\n  intro 2 -> verse\n  verse 4\n}"), seed: 0);
        Assert.Equal(new (string, long, long?)[] { ("intro", 0, 2), ("verse", 2, 4), ("verse", 6, 4), ("verse", 10, 4) }, TimelineEntries.First(timeline, 4));
        Assert.Equal(2, timeline.Entry(3)!.Value.EarlierEntries);
        Assert.Equal("verse 3/4", timeline.SectionAt(12)!.Value.ToString());
        Assert.Null(timeline.EndBar);
        Assert.False(timeline.Graph.CanEnd);
    }

    [Fact]
    public void ArrowEndEndsThePieceAfterTheSection()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form {\n  a 2 -> b\n  b 3 -> c\n  c 1 -> end\n}"), seed: 0);
        Assert.Equal(new (string, long, long?)[] { ("a", 0, 2), ("b", 2, 3), ("c", 5, 1) }, TimelineEntries.FromBars(timeline, 100));
        Assert.Equal(6, timeline.EndBar);
        Assert.Null(timeline.SectionAt(6));
    }

    [Fact]
    public void ASingleTargetIsFollowedWhateverItsWeight()
    {
        var timeline = new FormTimeline(BoundForm.Clean("form {\n  a 1 -> b 7\n  b 1 -> a 0.5\n}"), seed: 3);
        Assert.Equal(new[] { "a", "b", "a", "b", "a", "b" }, Enumerable.Range(0, 6).Select(i => timeline.SectionAt(i)!.Value.Section));
    }

    [Fact]
    public void TheFirstSectionStartsEvenWhenDeclaredSectionsPointElsewhere()
    {
        var bound = BoundForm.From("form {\n  outro 1 -> end\n  verse 2 -> outro\n}");
        bound.Single("SEQ0608");
        var timeline = new FormTimeline(bound.Graph!, seed: 0);
        Assert.Equal(new (string, long, long?)[] { ("outro", 0, 1) }, TimelineEntries.FromBars(timeline, 10));
    }
}
