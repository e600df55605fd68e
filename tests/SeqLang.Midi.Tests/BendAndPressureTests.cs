using SeqLang.Core.Diagnostics;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Midi.Tests;

/// <summary>
/// Pitch bend and channel pressure in the file (SPEC §7, §13): where they go among a tick's messages, their bytes
/// (pressure has one data byte), the bend range (RPN 0) at tick 0, the bend put back to the centre at the end,
/// and the file as a reader we did not write sees it.
/// </summary>
public sealed class BendAndPressureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seqlang-midi-bend-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Collect : List<OrderedMessage>;

    private struct Sink(Collect into) : IOrderedMessageSink
    {
        public readonly void Write(in OrderedMessage message) => into.Add(message);
    }

    private static List<string> Emit(MessageOrderer orderer)
    {
        var messages = new Collect();
        var sink = new Sink(messages);
        orderer.EmitBefore(long.MaxValue, ref sink);
        return messages.Select(m => $"{m.Tick} " + Hex.Format(m.Length == 2 ? [m.Status, m.Data1] : [m.Status, m.Data1, m.Data2])).ToList();
    }

    [Fact]
    public void At_one_tick_bend_and_pressure_come_after_controllers_and_before_note_ons()
    {
        var orderer = new MessageOrderer(1);
        // Added in the reverse of their wire order, so that insertion cannot be what orders them.
        orderer.AddNote(0, 0, 62, 90, 480, 960);
        orderer.AddChannelPressure(0, 0, 480, 70);
        orderer.AddPitchBend(0, 0, 480, 4096);
        orderer.AddControlChange(0, 0, 480, 7, 100);
        orderer.AddBendRange(0, 0, 480, 12);
        orderer.AddProgramChange(0, 0, 480, 3);
        orderer.AddNote(0, 0, 60, 100, 0, 480);

        Assert.Equal([
            "0 90 3C 64",     // C4 on
            "480 80 3C 00",   // note-offs first
            "480 C0 03",      // program
            "480 B0 65 00",   // RPN 0 selected (MSB, LSB)...
            "480 B0 64 00",
            "480 B0 06 0C",   // ...set to 12 semitones...
            "480 B0 26 00",
            "480 B0 65 7F",   // ...and deselected (the null RPN), in this order, though 6 and 38 sort below 100
            "480 B0 64 7F",
            "480 B0 07 64",   // the other controllers
            "480 E0 00 60",   // bend +4096: 12288 = 96 × 128, LSB 0, MSB 0x60
            "480 D0 46",      // pressure 70: one data byte
            "480 90 3E 5A",   // note-ons last
            "960 80 3E 00",
        ], Emit(orderer));
    }

    [Fact]
    public void The_end_centres_each_channel_left_bent_and_only_those()
    {
        var orderer = new MessageOrderer(2);
        orderer.AddPitchBend(0, 0, 100, 500);
        orderer.AddPitchBend(0, 0, 200, 0);      // channel 0 of track 0 ends centred
        orderer.AddPitchBend(0, 1, 300, -20);    // channel 1 ends bent down
        orderer.AddPitchBend(0, 1, 50, 0);       // added later, but earlier: not the last bend
        orderer.AddPitchBend(1, 0, 400, 0);
        orderer.AddPitchBend(1, 0, 400, 1);      // same tick: the later one is in force
        orderer.CentreBends(1920);

        Assert.Equal([
            "50 E1 00 40",
            "100 E0 74 43",   // 8692 = 67 × 128 + 116
            "200 E0 00 40",
            "300 E1 6C 3F",   // 8172 = 63 × 128 + 108
            "400 E0 00 40",
            "400 E0 01 40",
            "1920 E1 00 40",  // track 0 channel 1 back to the centre
            "1920 E0 00 40",  // track 1 channel 0 too
        ], Emit(orderer));
    }

    [Fact]
    public void A_bad_bend_range_adds_nothing() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessageOrderer(1).AddBendRange(0, 0, 0, 128));

    [Fact]
    public void Channel_pressure_is_two_bytes_on_the_wire()
    {
        Assert.Equal(new byte[] { 0xD3, 0x64 }, MidiChannelMessage.ChannelPressure(0, 3, 100).ToBytes());
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.ChannelPressure(0, 0, 128));
    }

    private const string Piece = """
        title "Bend"
        tempo 120
        track lead channel 2 program 5 {
          play "c4 ~ ~ ~"
          cc 1 "64 96 0 ~"
          cc 2 "100 ~ ~ 0"
        }
        track pad channel 3 {
          play "e4"
        }
        """;

    private static byte[] Render(string source, long bars = 1, int bendRange = 2) =>
        SmfWriter.ToBytes(PieceRenderer.Render(BendPieces.Compile(source, bendRange), 0, bars, 480, new DiagnosticBag())!);

    /// <summary>The bytes of the <paramref name="index"/>-th MTrk chunk (0: the conductor), header included.</summary>
    private static byte[] Chunk(byte[] file, int index)
    {
        var at = 14;
        for (var i = 0; i < index; i++) at += 8 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at + 4));
        return file.AsSpan(at, 8 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at + 4))).ToArray();
    }

    [Fact]
    public void A_bending_track_writes_its_range_bends_and_pressure_byte_for_byte()
    {
        var file = Render(Piece, bendRange: 7);

        Hex.AssertEqual("""
            4D 54 72 6B 00 00 00 49 // MTrk: lead, 73 bytes
            00 FF 03 04 6C 65 61 64 // track name "lead"
            00 C1 05                // program 5 (channel 2 is 1 on the wire)
            00 B1 65 00             // RPN MSB 0
            00 B1 64 00             // RPN LSB 0: pitch-bend sensitivity
            00 B1 06 07             // data entry: 7 semitones
            00 B1 26 00             // and 0 cents
            00 B1 65 7F             // null RPN MSB
            00 B1 64 7F             // null RPN LSB
            00 E1 00 40             // bend 8192: the centre
            00 D1 64                // pressure 100: one data byte, no running status
            00 91 3C 64             // note-on C4
            83 60 81 3C 00          // +480: note-off C4
            00 E1 00 60             // bend 12288 (LSB 0, MSB 96)
            83 60 E1 00 00          // +480: bend 0, all the way down
            83 60 D1 00             // +480: pressure 0
            83 60 E1 00 40          // +480, the end (tick 1920): back to the centre
            00 FF 2F 00             // end of track
            """, Chunk(file, 1));
        // A track that does not bend sends no range and no bend.
        Hex.AssertEqual("""
            4D 54 72 6B 00 00 00 14 // MTrk: pad, 20 bytes
            00 FF 03 03 70 61 64    // track name "pad"
            00 92 40 64             // note-on E4
            8F 00 82 40 00          // +1920: note-off
            00 FF 2F 00             // end of track
            """, Chunk(file, 2));
    }

    [Fact]
    public void A_track_that_ends_centred_gets_no_extra_bend_and_the_range_comes_even_without_a_program()
    {
        var file = SmfReader.Read(Render("""
            title "Centred"
            tempo 120
            track lead channel 1 {
              cc 1 "100 64"
              play "c4"
            }
            """, bars: 2));

        Assert.Equal([
            "0 ControlChange ch0 101 0", "0 ControlChange ch0 100 0", "0 ControlChange ch0 6 2", "0 ControlChange ch0 38 0",
            "0 ControlChange ch0 101 127", "0 ControlChange ch0 100 127",
            "0 PitchBend ch0 0 100", "0 NoteOn ch0 60 100",
            "960 PitchBend ch0 0 64",
            "1920 NoteOff ch0 60 0", "1920 PitchBend ch0 0 100", "1920 NoteOn ch0 60 100",
            "2880 PitchBend ch0 0 64",
            "3840 NoteOff ch0 60 0",
        ], file.Tracks[1].ChannelMessages.Select(e => e.ToString()));
    }

    [Fact]
    public void Mido_reads_the_bends_pressure_and_range_we_write()
    {
        var path = Path.Combine(_folder, "bend.mid");
        File.WriteAllBytes(path, Render(Piece, bendRange: 7));

        Assert.Empty(IndependentMidiReader.Check(path, ppq: 480));
        var lead = IndependentMidiReader.Dump(path).Tracks[1];
        Assert.Equal([
            "0 program_change ch=1 program=5",
            "0 control_change ch=1 control=101 value=0",
            "0 control_change ch=1 control=100 value=0",
            "0 control_change ch=1 control=6 value=7",
            "0 control_change ch=1 control=38 value=0",
            "0 control_change ch=1 control=101 value=127",
            "0 control_change ch=1 control=100 value=127",
            "0 pitchwheel ch=1 pitch=0",
            "0 aftertouch ch=1 value=100",
            "0 note_on ch=1 note=60 velocity=100",
            "480 note_off ch=1 note=60 velocity=0",
            "480 pitchwheel ch=1 pitch=4096",
            "960 pitchwheel ch=1 pitch=-8192",
            "1440 aftertouch ch=1 value=0",
            "1920 pitchwheel ch=1 pitch=0",
        ], lead.Messages.Where(m => m.Channel is not null).Select(m => m.ToString()));
    }

    [Fact]
    public void Our_reader_reads_pressure_and_bend_back()
    {
        var file = SmfReader.Read(Render(Piece));
        var lead = file.Tracks[1].ChannelMessages;
        Assert.Equal([100, 0], lead.Where(e => e.Kind == SmfEventKind.ChannelPressure).Select(e => e.Pressure));
        Assert.Equal([0, 4096, -8192, 0], lead.Where(e => e.Kind == SmfEventKind.PitchBend).Select(e => e.PitchBend));
    }
}
