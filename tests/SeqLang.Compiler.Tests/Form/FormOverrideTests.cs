using SeqLang.Compiler.Form;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>Live jumps and queued sections: derived timelines that keep the past and walk the form on from the override.</summary>
public class FormOverrideTests
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

    private static List<(string Section, long Start, long? Length)> Entries(FormTimeline t, int count) => TimelineEntries.First(t, count);

    [Fact]
    public void AJumpKeepsThePastAndCutsTheEntryPlaying()
    {
        var timeline = new FormTimeline(BoundForm.Clean(Song), 7);
        var jumped = timeline.WithJump(4, "bridge");
        Assert.Equal(("intro", 0L, (long?)2), Entries(jumped, 1)[0]);
        Assert.Equal(("verse", 2L, (long?)2), Entries(jumped, 2)[1]);
        Assert.Equal(("bridge", 4L, (long?)2), Entries(jumped, 3)[2]);
        Assert.Equal(("chorus", 6L, (long?)3), Entries(jumped, 4)[3]);
        for (var bar = 0; bar < 4; bar++) Assert.Equal(timeline.SectionAt(bar)!.Value.Section, jumped.SectionAt(bar)!.Value.Section);
        Assert.Equal("verse 2/2", jumped.SectionAt(3)!.Value.ToString());
        Assert.Equal("bridge 1/2", jumped.SectionAt(4)!.Value.ToString());
        // The original is untouched.
        Assert.Equal("verse 3/4", timeline.SectionAt(4)!.Value.ToString());
    }

    [Fact]
    public void AJumpOnASectionStartReplacesThatEntry()
    {
        var jumped = new FormTimeline(BoundForm.Clean(Song), 7).WithJump(2, "outro");
        Assert.Equal(new[] { ("intro", 0L, (long?)2), ("outro", 2L, (long?)2) }, Entries(jumped, 5));
        Assert.Equal(4, jumped.EndBar);
        Assert.Null(jumped.SectionAt(4));
    }

    [Fact]
    public void AJumpAtBarZeroStartsElsewhere()
    {
        var jumped = new FormTimeline(BoundForm.Clean(Song), 7).WithJump(0, "chorus");
        Assert.Equal(("chorus", 0L, (long?)3), Entries(jumped, 1)[0]);
    }

    /// <summary>Choices after an override depend only on (seed, entry ordinal): two jumps landing as the same entry continue alike.</summary>
    [Fact]
    public void ChoicesAfterAnOverrideArePureInTheEntryOrdinal()
    {
        var timeline = new FormTimeline(BoundForm.Clean(Song), 11);
        // Bars 3 and 5 both lie in entry 1 (verse, bars 2..5): either jump makes chorus entry 2.
        var early = timeline.WithJump(3, "chorus");
        var late = timeline.WithJump(5, "chorus");
        var a = Entries(early, 40).Skip(2).Select(e => (e.Section, e.Start - 3, e.Length)).ToList();
        var b = Entries(late, 40).Skip(2).Select(e => (e.Section, e.Start - 5, e.Length)).ToList();
        Assert.Equal(a, b);
        Assert.Contains(a, e => e.Section is "bridge" or "outro" or "verse");
    }

    [Fact]
    public void ADerivedTimelineAnswersAnyQueryOrderAsTheForwardWalk()
    {
        var graph = BoundForm.Clean(Song);
        var forward = new FormTimeline(graph, 3).WithJump(9, "verse").WithQueued(12, "bridge");
        var expected = Enumerable.Range(0, 400).Select(b => forward.SectionAt(b)).ToList();
        var shuffled = new FormTimeline(graph, 3).WithJump(9, "verse").WithQueued(12, "bridge");
        var order = Enumerable.Range(0, 400).OrderBy(b => (b * 7919) % 400).ToList();
        var answers = new Dictionary<int, SectionPosition?>();
        foreach (var bar in order) answers[bar] = shuffled.SectionAt(bar);
        Assert.Equal(expected, Enumerable.Range(0, 400).Select(b => answers[b]));
        Assert.Equal(forward.EndBar, new FormTimeline(graph, 3).WithJump(9, "verse").WithQueued(12, "bridge").EndBar);
    }

    [Fact]
    public void AQueuedSectionFollowsTheEntryPlaying()
    {
        var timeline = new FormTimeline(BoundForm.Clean(Song), 7);
        var queued = timeline.WithQueued(3, "outro");
        Assert.Equal(new[] { ("intro", 0L, (long?)2), ("verse", 2L, (long?)4), ("outro", 6L, (long?)2) }, Entries(queued, 9));
        Assert.Equal(8, queued.EndBar);
    }

    [Fact]
    public void TheLastQueueDuringAnEntryWinsAndAJumpCancelsIt()
    {
        var timeline = new FormTimeline(BoundForm.Clean(Song), 7);
        var twice = timeline.WithQueued(2, "outro").WithQueued(4, "bridge");
        Assert.Equal(("bridge", 6L, (long?)2), Entries(twice, 3)[2]);
        var jumped = timeline.WithQueued(2, "outro").WithJump(4, "chorus");
        Assert.Equal(("chorus", 4L, (long?)3), Entries(jumped, 3)[2]);
        Assert.NotEqual("outro", jumped.SectionAt(6)!.Value.Section);
    }

    [Fact]
    public void AQueueOverridesTheEndAndNothingFollowsTheEnd()
    {
        var graph = BoundForm.Clean("form a 2, b 2");
        var timeline = new FormTimeline(graph, 0);
        Assert.Equal(4, timeline.EndBar);
        var again = timeline.WithQueued(3, "a");
        Assert.Equal(8, again.EndBar);
        Assert.Equal(new[] { "a", "b", "a", "b" }, Entries(again, 9).Select(e => e.Section));
        Assert.Same(timeline, timeline.WithQueued(4, "a"));
        Assert.Throws<ArgumentException>(() => timeline.WithQueued(4, "nope"));
        Assert.Throws<ArgumentException>(() => timeline.WithJump(1, "nope"));
    }

    [Fact]
    public void ARepeatedNameInAListIsTheNextOccurrence()
    {
        var graph = BoundForm.Clean("form loop intro 1, verse 2, chorus 2, verse 2, outro 1");
        var timeline = new FormTimeline(graph, 0);
        // Bar 4 plays chorus (node 2): the verse after it is node 3, followed by outro.
        var jumped = timeline.WithJump(5, "verse");
        Assert.Equal(new[] { ("verse", 5L, (long?)2), ("outro", 7L, (long?)1) }, Entries(jumped, 6).Skip(3).Take(2));
        Assert.Equal(3, jumped.SectionAt(5)!.Value.Entry.SectionIndex);
        // From the first verse, "verse" is the second verse; from the second, it wraps to the first.
        Assert.Equal(3, timeline.WithJump(2, "verse").SectionAt(2)!.Value.Entry.SectionIndex);
        Assert.Equal(1, timeline.WithJump(7, "verse").SectionAt(7)!.Value.Entry.SectionIndex);
    }

    [Fact]
    public void AFileWithNoFormCannotBeQueued()
    {
        var timeline = new FormTimeline(FormGraph.WholePiece, 0);
        Assert.Same(timeline, timeline.WithQueued(10, "main"));
    }

    [Fact]
    public void APieceWithAnotherFormPlaysTheOverrideWithItsSectionTempoLanesAndChords()
    {
        const string text = """
            tempo 120
            form { verse 4 -> chorus
              chorus 4 -> verse }
            in chorus {
              tempo 90
              chords "Am"
            }
            chords "C"
            track t channel 1 {
              in chorus { play "root" octave 3 }
              in verse { play "c5" }
            }
            """;
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        var piece = compilation.Piece ?? throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var live = piece.WithForm(piece.Form.WithJump(2, "chorus"));
        Assert.Equal(120, piece.Tempo.TempoAt(2));
        Assert.Equal(90, live.Tempo.TempoAt(2));
        Assert.Equal(120, live.Tempo.TempoAt(1));
        Assert.Same(piece.Tracks, live.Tracks);
        Assert.Same(piece.Controls, live.Controls);
        var events = new List<PieceEvent>();
        var stream = new EventStream(live);
        Assert.True(stream.Bar(1, events, new DiagnosticBag()));
        Assert.True(stream.Bar(2, events, new DiagnosticBag()));
        Assert.Equal(new[] { 72, 57 }, events.Select(e => e.Number));
        var other = new FormTimeline(piece.Form.Graph, piece.Form.Seed + 1);
        Assert.Throws<ArgumentException>(() => piece.WithForm(other));
    }
}
