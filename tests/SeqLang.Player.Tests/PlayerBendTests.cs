using SeqLang.Patterns.Tests.Support;
using SeqLang.Midi.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Pitch bend and channel pressure on the port (SPEC §13), on a virtual clock: the player sends what the renderer
/// writes (the bend range first, bends and pressure in the file's order, the re-centring at the end), from the
/// first bar or a later one; and every stop puts a bent channel back to the centre, only a bent one.
/// </summary>
public sealed class PlayerBendTests
{
    private const string Source = """
        title "Bend"
        tempo 120
        track lead channel 2 program 5 {
          play "c4 [e4 g4] ~ <c5 a4>" legato 1.5
          cc 1 "64 <96 20> [0 127] 100"
          cc 2 "100 ~ [30 60] 0"
        }
        track pad channel 3 {
          play "e4 g4"
          cc 2 "<10 20>*3"
        }
        """;

    [Fact]
    public void The_player_sends_the_bends_pressure_and_range_the_renderer_writes_at_its_times()
    {
        var piece = BendPieces.Compile(Source, bendRange: 12);
        PlayerOrderTests.PlaysAsRendered(piece, bars: 3);
    }

    [Fact]
    public void From_a_later_bar_the_range_still_comes_first_and_the_rest_is_the_rendered_file_s()
    {
        var piece = BendPieces.Compile(Source, bendRange: 12);
        var (tracks, endTick, endSeconds) = Expected.Render(piece, fromBar: 1, bars: 2);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { FromBar = 1, Bars = 2, Clock = clock, StartDelay = TimeSpan.Zero });
        Assert.Equal(StopReason.End, player.Run().Reason);
        var start = player.StartedAt!.Value;
        var problems = Compare.Problems(tracks, endTick, endSeconds, sink.Messages, m => (double)(m.Timestamp - start) / clock.Frequency, tolerance: 1e-6);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Equal(["C105", "B16500", "B16400", "B1060C", "B12600", "B1657F", "B1647F"], sink.Messages.Where(m => m.Channel == 1).Take(7).Select(m => m.ToString()));
    }

    [Fact]
    public void The_end_re_centres_a_channel_left_bent_once_and_leaves_the_others_alone()
    {
        // The bend lane ends at 100 (bent up); the pad's channel never bends.
        var piece = BendPieces.Compile(Source);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 1, Clock = clock, StartDelay = TimeSpan.Zero });
        Assert.Equal(StopReason.End, player.Run().Reason);
        var bends = sink.Messages.Where(m => m.Status == 0xE0).Select(m => m.ToString()).ToList();
        Assert.Equal(["E10040", "E10060", "E10000", "E1007F", "E10064", "E10040"], bends);
    }

    /// <summary>A sink that stops playback (as Ctrl-C does, or as a port that fails) right after the first bend off the centre.</summary>
    private sealed class StopAtBendSink(IClock clock, bool fail) : IMidiSink
    {
        public Action? Stop;
        public RecordingSink Sent { get; } = new(clock);
        private bool _stopped;

        public bool Send(ReadOnlySpan<byte> message)
        {
            Sent.Send(message);
            if (_stopped || (message[0] & 0xF0) != 0xE0 || (message[1] == 0 && message[2] == 0x40)) return true;
            _stopped = true;
            if (fail) return false;
            Stop!();
            return true;
        }
    }

    [Theory]
    [InlineData(false, StopReason.Interrupted)]
    [InlineData(true, StopReason.PortFailed)]
    public void A_stop_puts_the_bent_channel_back_to_the_centre_after_the_notes_end(bool fail, StopReason reason)
    {
        var piece = BendPieces.Compile(Source);
        var clock = new VirtualClock();
        var sink = new StopAtBendSink(clock, fail);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Clock = clock, StartDelay = TimeSpan.Zero });
        sink.Stop = player.RequestStop;
        Assert.Equal(reason, player.Run().Reason);

        var sent = sink.Sent.Messages.Select(m => m.ToString()).ToList();
        var bentAt = sent.IndexOf("E10060"); // the first bend off the centre, at beat 2 of bar 0
        Assert.True(bentAt > 0, string.Join(" ", sent));
        var stop = sent.Skip(bentAt + 1).ToList();
        // Whatever sounds is ended, then all notes off on both tracks' channels, then the one bent channel is centred: nothing else.
        Assert.Equal(["B17B00", "B27B00", "E10040"], stop.Where(m => !m.StartsWith('8')));
        Assert.Equal("E10040", stop[^1]);
        Assert.Empty(Compare.Sounding(sink.Sent.Messages));
    }

    [Fact]
    public void With_bends_and_pressure_the_clock_thread_still_allocates_nothing()
    {
        var piece = BendPieces.Compile(Source);
        var clock = new VirtualClock();
        var sink = new RecordingSink(clock, capacity: 1 << 17);
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 200, Clock = clock, StartDelay = TimeSpan.Zero });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        Allocations.AssertNone(result.ClockThreadAllocatedBytes, result.MessagesSent, "the clock thread");
    }
}
