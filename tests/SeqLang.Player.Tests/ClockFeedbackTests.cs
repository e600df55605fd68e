using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Controller feedback is driven by the clock thread (docs/live-control.md, Feedback): on a virtual clock,
/// the step marks arrive at k/n of every bar, after the notes of their instant, the whole state first, the
/// clear last, a change of version sends the state again, and nothing of it allocates on the clock thread.
/// </summary>
public sealed class ClockFeedbackTests
{
    private const long Bars = 64; // enough sends for the allocation check (see Allocations)
    private static readonly double BarSeconds = 2.0; // three-track.seq: 4/4 at 120 BPM

    [Fact]
    public void Step_marks_come_at_k_over_n_of_every_bar_after_the_notes_of_their_instant()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        var feedback = new RecordingFeedback(clock, sink, [8, 3]);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = Bars, Clock = clock, StartDelay = TimeSpan.Zero }) { Feedback = feedback };
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        Allocations.AssertNone(result.ClockThreadAllocatedBytes, result.MessagesSent, "the clock thread, feedback on");

        var calls = feedback.Calls;
        Assert.Equal("prepare", calls[0].Kind);
        Assert.Equal("refresh", calls[1].Kind);
        Assert.Equal("clear", calls[^1].Kind);
        var steps = calls.Where(c => c.Kind == "step").ToList();
        Assert.Equal((int)Bars * (8 + 3), steps.Count);

        var music = sink.Messages;
        var start = music[0].Timestamp;
        foreach (var n in new[] { 8, 3 })
        {
            var ofN = steps.Where(s => s.Count == n).ToList();
            Assert.Equal(Enumerable.Range(0, (int)Bars * n).Select(i => i % n), ofN.Select(s => s.Index));
            for (var i = 0; i < ofN.Count; i++)
            {
                var expected = BarSeconds * (i / n) + BarSeconds * (i % n) / n;
                var actual = (double)(ofN[i].Time - start) / clock.Frequency;
                Assert.True(Math.Abs(actual - expected) < 1e-6, $"step {i % n}/{n} of bar {i / n} at {actual} s, expected {expected} s");
                // Every note of the same instant went out before the lights.
                var sameInstant = music.Select((m, index) => (m, index)).Where(x => x.m.Timestamp == ofN[i].Time).Select(x => x.index).ToList();
                Assert.All(sameInstant, index => Assert.True(index < ofN[i].SentBefore, $"message {index} at the mark's instant came after it"));
            }
        }
        // The music is the renderer's, marks or not.
        var (tracks, endTick, endSeconds) = Expected.Render(piece, Bars);
        var problems = Compare.Problems(tracks, endTick, endSeconds, music, m => (double)(m.Timestamp - start) / clock.Frequency, tolerance: 1e-6);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void A_new_version_makes_the_clock_thread_send_the_whole_state_again()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        var feedback = new RecordingFeedback(clock, sink, [4]) { BumpAtStep = 5 };
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 3, Clock = clock, StartDelay = TimeSpan.Zero }) { Feedback = feedback };
        Assert.Equal(StopReason.End, player.Run().Reason);

        var kinds = feedback.Calls.Select(c => c.Kind).ToList();
        Assert.Equal(2, kinds.Count(k => k == "refresh"));
        var second = kinds.LastIndexOf("refresh");
        // The version moved during the sixth step's call: the clock thread's next look sends the state, before the seventh.
        Assert.Equal(6, feedback.Calls.Take(second).Count(c => c.Kind == "step"));
    }

    [Fact]
    public void Without_feedback_no_marks_reach_the_stream()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        var feedback = new RecordingFeedback(clock, sink, []);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 2, Clock = clock, StartDelay = TimeSpan.Zero }) { Feedback = feedback };
        Assert.Equal(StopReason.End, player.Run().Reason);
        Assert.DoesNotContain(feedback.Calls, c => c.Kind == "step");
    }

    /// <summary>Records the clock thread's calls in arrays made beforehand (the allocation check covers it).</summary>
    private sealed class RecordingFeedback(IClock clock, RecordingSink sink, int[] counts) : IClockFeedback
    {
        private readonly string[] _kinds = new string[4096];
        private readonly long[] _times = new long[4096];
        private readonly int[] _counts = new int[4096];
        private readonly int[] _indexes = new int[4096];
        private readonly int[] _sentBefore = new int[4096];
        private int _n;
        private int _version;
        private int _steps;

        public int BumpAtStep { get; init; } = -1;

        public int[] StepCounts => counts;

        public int Version => Volatile.Read(ref _version);

        public void Prepare() => Add("prepare", 0, 0);

        public void Refresh() => Add("refresh", 0, 0);

        public void OnStep(int count, int index)
        {
            Add("step", count, index);
            if (_steps++ == BumpAtStep) Interlocked.Increment(ref _version);
        }

        public void Clear() => Add("clear", 0, 0);

        private void Add(string kind, int count, int index)
        {
            _kinds[_n] = kind;
            _times[_n] = clock.Now();
            _counts[_n] = count;
            _indexes[_n] = index;
            _sentBefore[_n] = sink.Count;
            _n++;
        }

        public IReadOnlyList<(string Kind, long Time, int Count, int Index, int SentBefore)> Calls =>
            Enumerable.Range(0, _n).Select(i => (_kinds[i], _times[i], _counts[i], _indexes[i], _sentBefore[i])).ToList();
    }
}
