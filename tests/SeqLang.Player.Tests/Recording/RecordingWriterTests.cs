using SeqLang.Core.Time;
using SeqLang.Midi;
using SeqLang.Midi.Tests.Support;
using SeqLang.Player.Recording;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests.Recording;

/// <summary>
/// <c>--record</c>: a recording of sends at their ideal times must be the renderer's file (same conductor, same
/// tracks, same ticks and bytes), plus what only a live stop sends (CC 123); read back with our reader and mido.
/// </summary>
public sealed class RecordingWriterTests
{
    private const string Piece = """
        title "Recorded"
        tempo 120
        meter 4/4
        key E minor
        track drums channel 10 {
          kick "x ~ x ~" legato 0.5
          hat "x*8" vel "<90 60>" legato 0.5
        }
        track bass channel 2 program 33 {
          play "e2 g2 [b2 d3] e3" legato 0.5
          cc 74 "<20 40 60 80>"
        }
        track keys channel 1 program 5 {
          play "[e4 g4 b4]*3" legato 0.5
        }
        """;

    private static ConductorTrack Conductor(int bpm = 120) => new("t", new MidiTimeSignature(4, 4), null, new Rational(bpm, 1));

    [Fact]
    public void A_recording_at_ideal_times_is_the_rendered_file_plus_the_stop_s_cc_123()
    {
        var (piece, rendered, recorded) = PlayAndRecord(bars: 4, lateness: null);
        var expected = WithStop(rendered, piece.Tracks.Select(t => t.Channel));
        Assert.Equal(Convert.ToHexString(SmfWriter.ToBytes(expected)), Convert.ToHexString(SmfWriter.ToBytes(recorded)));
    }

    [Fact]
    public void Sends_up_to_a_fifth_of_a_tick_late_land_on_the_rendered_ticks()
    {
        // 120 BPM at 480 PPQ: a tick is 1.04 ms; a real clock sends 0..200 µs late.
        var (piece, rendered, recorded) = PlayAndRecord(bars: 4, lateness: i => i * 7919 % 200_001);
        var expected = WithStop(rendered, piece.Tracks.Select(t => t.Channel));
        Assert.Equal(SmfWriter.ToBytes(expected), SmfWriter.ToBytes(recorded));
    }

    [Fact]
    public void Mido_reads_the_recording_as_it_reads_the_rendered_file()
    {
        var (_, rendered, recorded) = PlayAndRecord(bars: 4, lateness: null);
        var renderedPath = Repository.TempFile("rendered.mid");
        var recordedPath = Repository.TempFile("recorded.mid");
        SmfWriter.WriteFile(renderedPath, rendered);
        SmfWriter.WriteFile(recordedPath, recorded);
        Assert.Empty(IndependentMidiReader.Check(recordedPath, TickConverter.DefaultPpq));
        var want = IndependentMidiReader.Dump(renderedPath);
        var have = IndependentMidiReader.Dump(recordedPath);
        Assert.Equal(want.Type, have.Type);
        Assert.Equal(want.TicksPerBeat, have.TicksPerBeat);
        Assert.Equal(want.Tracks.Select(t => t.Name), have.Tracks.Select(t => t.Name));
        for (var t = 0; t < want.Tracks.Count; t++)
        {
            var stop = have.Tracks[t].Messages.Where(m => m is { Type: "control_change", Control: 123 }).ToList();
            Assert.Equal(t == 0 ? 0 : 1, stop.Count);
            Assert.Equal(
                want.Tracks[t].Messages.Select(m => m.ToString()),
                have.Tracks[t].Messages.Except(stop).Select(m => m.ToString()));
        }
    }

    [Fact]
    public void Our_reader_sees_the_conductor_the_tracks_and_the_notes_of_the_render()
    {
        var (_, rendered, recorded) = PlayAndRecord(bars: 2, lateness: null);
        var want = SmfReader.Read(SmfWriter.ToBytes(rendered));
        var have = SmfReader.Read(SmfWriter.ToBytes(recorded));
        Assert.Equal(1, have.Format);
        Assert.Equal(480, have.Ppq);
        Assert.Equal(["Recorded", "drums", "bass", "keys"], have.Tracks.Select(t => t.Name));
        Assert.Equal(want.Tracks[0].Events.Select(e => (e.Tick, e.MetaType, Convert.ToHexString(e.Data))), have.Tracks[0].Events.Select(e => (e.Tick, e.MetaType, Convert.ToHexString(e.Data))));
        for (var t = 1; t < want.Tracks.Count; t++)
        {
            Assert.Equal(
                want.Tracks[t].ChannelMessages.Select(e => (e.Tick, Convert.ToHexString(e.ToChannelBytes()))),
                have.Tracks[t].ChannelMessages.SkipLast(1).Select(e => (e.Tick, Convert.ToHexString(e.ToChannelBytes()))));
            Assert.True(want.Tracks[t].ChannelMessages.Count(e => e.IsNoteOn) > 0);
        }
    }

    /// <summary>Plays <paramref name="bars"/> bars of <see cref="Piece"/> on a virtual clock into a recording; returns the render and the recording's file.</summary>
    private static (Compiler.Piece.CompiledPiece Piece, MidiFileContent Rendered, MidiFileContent Recorded) PlayAndRecord(long bars, Func<long, long>? lateness)
    {
        var path = Repository.TempFile("recorded.seq");
        File.WriteAllText(path, Piece);
        var piece = Expected.Compile(path);
        var rendered = PieceRenderer.Render(piece, 0, bars, TickConverter.DefaultPpq, new Core.Diagnostics.DiagnosticBag())!;
        var clock = new VirtualClock();
        var recording = new SendRecording();
        recording.EnsureCapacity(100_000);
        using var player = new PiecePlayer(piece, new SendRecordingSink(clock, recording, lateness), new PlaybackOptions { Bars = bars, Clock = clock, StartDelay = TimeSpan.Zero });
        Assert.Equal(StopReason.End, player.Run().Reason);
        Assert.Equal(0, recording.Dropped);
        var writer = RecordingWriter.ForPiece(piece, clock.Frequency);
        return (piece, rendered, writer.ToContent(recording, endedAt: clock.Now()));
    }

    /// <summary>The rendered content with the live stop appended: CC 123 at the end on each track's channel.</summary>
    private static MidiFileContent WithStop(MidiFileContent rendered, IEnumerable<int> channels)
    {
        var tracks = rendered.Tracks.Zip(channels, (t, channel) =>
            new MidiTrack(t.Name, t.Messages.Append(MidiChannelMessage.ControlChange(rendered.EndTick, channel, 123, 0)).ToArray())).ToList();
        return new MidiFileContent(rendered.Ppq, rendered.Conductor, tracks, rendered.EndTick);
    }

    [Fact]
    public void Times_become_ticks_at_the_stored_tempo_rounding_half_up()
    {
        // 120 BPM = 500,000 µs a quarter; at 1 PPQ and a 1 MHz clock a tick is 500,000 clock ticks.
        var writer = new RecordingWriter(Conductor(), frequency: 1_000_000, ppq: 1);
        Assert.Equal(0, writer.ToTick(249_999));
        Assert.Equal(1, writer.ToTick(250_000));
        Assert.Equal(1, writer.ToTick(749_999));
        Assert.Equal(2, writer.ToTick(750_000));
        Assert.Equal(0, writer.ToTick(-5));
        // 70 BPM is 857,142.857 µs, stored as 857,143: the file's time, not the exact tempo's, decides.
        var seventy = new RecordingWriter(Conductor(70), frequency: 1_000_000_000, ppq: 480);
        Assert.Equal(480 * 10_000, seventy.ToTick(10_000 * 857_143_000L));
        Assert.Equal(480 * 10_000 - 1, seventy.ToTick(10_000 * 857_143_000L - 1_000_000)); // 0.56 tick early: rounds down one
    }

    [Fact]
    public void Unnamed_channels_get_tracks_in_first_use_order_and_named_ones_come_first_even_when_silent()
    {
        var recording = new SendRecording();
        recording.EnsureCapacity(10);
        recording.Add(0, [0x99, 36, 100]);   // channel 10 first
        recording.Add(0, [0xF8]);            // clock: not written
        recording.Add(1_000, [0x90, 60, 90]);
        recording.Add(2_000, [0x99, 36, 0]); // a note-on with velocity 0, kept as sent
        recording.Add(2_000, [0xC4, 7]);
        var writer = new RecordingWriter(Conductor(), frequency: 1_000, ppq: 2)   // a tick is 250 clock ticks
            .NameChannel(4, "lead").NameChannel(15, "silent").NameChannel(4, "pad");
        var file = SmfReader.Read(SmfWriter.ToBytes(writer.ToContent(recording, endedAt: 3_000)));
        Assert.Equal(["t", "lead+pad", "silent", "channel 10", "channel 1"], file.Tracks.Select(t => t.Name));
        string Messages(int track) => string.Join(" ", file.Tracks[track].ChannelMessages.Select(e => $"{e.Tick}:{Convert.ToHexString(e.ToChannelBytes())}"));
        Assert.Equal("8:C407", Messages(1));
        Assert.Equal("", Messages(2));
        Assert.Equal("0:992464 8:992400", Messages(3));
        Assert.Equal("4:903C5A", Messages(4));
        Assert.All(file.Tracks, t => Assert.Equal(12, t.EndTick));
    }

    [Fact]
    public void Without_an_end_time_tracks_end_at_the_last_message()
    {
        var recording = new SendRecording();
        recording.EnsureCapacity(2);
        recording.Add(1_000, [0x90, 60, 90]);
        recording.Add(500, [0x80, 60, 0]); // a clock that went back: kept at the track's last tick, never before
        var file = SmfReader.Read(SmfWriter.ToBytes(new RecordingWriter(Conductor(), 1_000, 2).ToContent(recording)));
        Assert.Equal([4L, 4L], file.Tracks[1].ChannelMessages.Select(e => e.Tick));
        Assert.Equal(4, file.Tracks[1].EndTick);
    }

    [Fact]
    public void A_conductor_with_tempo_changes_is_refused()
    {
        var conductor = Conductor().SetTempo(480, new Rational(90, 1));
        Assert.Throws<ArgumentException>(() => new RecordingWriter(conductor, 1_000));
    }
}
