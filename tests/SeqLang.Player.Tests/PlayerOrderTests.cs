using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// SPEC §9: "for the same bars, the messages sent are those the renderer writes, in the same order", checked
/// on a virtual clock (no JACK, no waiting, exact times) for every example and the benchmark pieces; and the
/// clock thread's allocations across a whole run.
/// </summary>
public sealed class PlayerOrderTests
{
    public static TheoryData<string> Pieces()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repository.Examples, "*.seq").Order()) data.Add(Path.GetFileName(f));
        data.Add("../benchmarks/inputs/three-track.seq");
        data.Add("../benchmarks/inputs/three-track-form.seq");
        return data;
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public void The_player_sends_what_the_renderer_writes_at_the_renderer_s_times(string name)
    {
        var piece = Expected.Compile(Path.GetFullPath(Path.Combine(Repository.Examples, name)));
        const long bars = 8;
        var (tracks, endTick, endSeconds) = Expected.Render(piece, bars);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = bars, Clock = clock, StartDelay = TimeSpan.Zero });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);

        var received = sink.Messages;
        Assert.NotEmpty(received);
        var start = received[0].Timestamp - (long)(tracks.SelectMany(t => t).Min(m => m.Seconds) * clock.Frequency);
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, m => (double)(m.Timestamp - start) / clock.Frequency, tolerance: 1e-6);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));
    }

    [Theory]
    [InlineData("tempo 90 -> 150 over 4 bars", "4/4")]
    [InlineData("tempo 140 -> 70 over 3 bars", "7/8")]
    public void Tempo_ramps_time_every_message_as_the_rendered_tempo_map_does(string tempo, string meter)
    {
        var path = Repository.TempFile("ramp.seq");
        File.WriteAllText(path, $"title \"Ramp\"\n{tempo}\nmeter {meter}\ntrack drums channel 10 {{\n  hat \"x*16\"\n}}\ntrack keys channel 1 program 3 {{\n  play \"[c4 e4 g4]*3\" legato 0.7\n}}\n");
        PlaysAsRendered(Expected.Compile(path), bars: 6); // past the ramp's end, where the final tempo holds
    }

    [Fact]
    public void Section_tempos_time_every_message_as_the_rendered_tempo_map_does()
    {
        // A section's own tempo at each entry, a section ramp timed per entry, and the file's tempo between.
        var path = Repository.TempFile("sections.seq");
        File.WriteAllText(path, "title \"Sections\"\ntempo 120\nform loop a 2, b 1, c 2\nin b {\n  tempo 150\n}\nin c {\n  tempo 100 -> 60 over 2 bars\n}\ntrack drums channel 10 {\n  hat \"x*8\"\n}\ntrack keys channel 1 {\n  play \"[c4 e4 g4]*3\" legato 0.7\n}\n");
        PlaysAsRendered(Expected.Compile(path), bars: 11); // two rounds of the form and the start of a third
    }

    /// <summary>Plays <paramref name="bars"/> bars on a virtual clock: the messages and their times must be the rendered file's, to 1 µs.</summary>
    internal static void PlaysAsRendered(SeqLang.Compiler.Piece.CompiledPiece piece, long bars)
    {
        var (tracks, endTick, endSeconds) = Expected.Render(piece, bars);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = bars, Clock = clock, StartDelay = TimeSpan.Zero });
        Assert.Equal(StopReason.End, player.Run().Reason);
        var received = sink.Messages;
        // Times from the start of playback (tick 0), which holds even when nothing plays before the stop.
        var start = player.StartedAt!.Value;
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, m => (double)(m.Timestamp - start) / clock.Frequency, tolerance: 1e-6);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void A_bar_larger_than_the_ring_still_plays_whole_and_in_order()
    {
        // 8 slots against about 90 messages a bar: priming must not wait for a consumer that has not started.
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var (tracks, endTick, endSeconds) = Expected.Render(piece, 4);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 4, Clock = clock, StartDelay = TimeSpan.Zero, RingCapacity = 8 });
        Assert.Equal(StopReason.End, player.Run().Reason);
        var received = sink.Messages;
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, m => (double)(m.Timestamp - received[0].Timestamp) / clock.Frequency, tolerance: 1e-6);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Bars_past_a_held_note_end_it_at_the_stop_with_CC_123()
    {
        var path = Repository.TempFile("held.seq");
        File.WriteAllText(path, "title \"Held\"\ntempo 120\ntrack keys channel 3 program 1 {\n  play \"[c4,e4,g4]/4\" legato 1\n}\n");
        var piece = Expected.Compile(path);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 1, Clock = clock, StartDelay = TimeSpan.Zero });
        player.Run();
        // Program, the chord, then at the end of bar 1 (the notes would last four) offs and all-notes-off.
        Assert.Equal(["C201", "923C64", "924064", "924364", "823C00", "824000", "824300", "B27B00"], sink.Messages.Select(m => m.ToString()));
        Assert.Equal(2_000_000_000, sink.Messages[^1].Timestamp - sink.Messages[0].Timestamp);
    }

    [Fact]
    public void The_clock_thread_allocates_nothing_across_a_run()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 64, Clock = clock, StartDelay = TimeSpan.Zero, RecordTiming = true });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        Assert.True(result.MessagesSent > 2000, $"only {result.MessagesSent} messages");
        Allocations.AssertNone(result.ClockThreadAllocatedBytes, result.MessagesSent, "the clock thread");
        Assert.Contains(result.GcLatencyMode, new[] { System.Runtime.GCLatencyMode.SustainedLowLatency, System.Runtime.GCLatencyMode.LowLatency });
        Assert.Equal(result.MessagesSent, result.Timing!.Events);
    }

    /// <summary>
    /// The long-run stall's first suspect was a collection suspending the clock thread. Once primed, the
    /// producer allocates so little that a 10-minute run (300 bars at 120 BPM) never reaches a collection's
    /// trigger (several MB of gen-0 budget): under 1 KB a bar. (<c>--timing-report</c> adds 16 bytes a message for
    /// its log, lateness and send time, made ahead in chunks: 1.2 MB for these 300 bars.)
    /// </summary>
    [Fact]
    public void Over_ten_minutes_of_bars_the_producer_allocates_under_a_kilobyte_a_bar()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "dense-three-track.seq"));
        var clock = new VirtualClock();
        using var player = new PiecePlayer(piece, new RecordingSink(clock, capacity: 1 << 17), new PlaybackOptions { Bars = 300, Clock = clock, StartDelay = TimeSpan.Zero });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        Assert.Equal(300, result.BarsCompiled);
        Assert.True(result.ProducerAllocatedBytes < 300 * 1024, $"the producer allocated {result.ProducerAllocatedBytes:N0} bytes over 300 bars");
    }

    [Fact]
    public void A_stop_request_ends_an_endless_piece_and_every_note()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        var sink = new RecordingSink(new StopwatchClock());
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions());
        var stopper = new Thread(() => { Thread.Sleep(700); player.RequestStop(); });
        stopper.Start();
        var result = player.Run();
        stopper.Join();
        Assert.Equal(StopReason.Interrupted, result.Reason);
        Assert.Empty(Compare.Sounding(sink.Messages));
        Assert.True(result.StopLatency < TimeSpan.FromMilliseconds(10), $"silenced {result.StopLatency.TotalMilliseconds:0.00} ms after the request");
    }
}
