using SeqLang.Core.Time;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Midi.Tests;

/// <summary>Byte-exact expectations, one MIDI item a line, each saying what it is.</summary>
public class SmfWriterBytesTests
{
    [Fact]
    public void WritesConductorThenATrackWithBankProgramAndANote()
    {
        var conductor = new ConductorTrack("T", new MidiTimeSignature(4, 4), MidiKeySignature.FromTonic("D", isMinor: true), 120);
        var bass = new MidiTrackBuilder("Bass")
            .AddNote(channel: 1, note: 60, velocity: 100, startTick: 0, endTick: 480)
            .AddProgramChange(channel: 1, tick: 0, program: 38, bankMsb: 5, bankLsb: 2)
            .Build();

        var bytes = SmfWriter.ToBytes(new MidiFileContent(480, conductor, new[] { bass }, endTick: 1920));

        Hex.AssertEqual("""
            4D 54 68 64             // MThd
            00 00 00 06             // header length 6
            00 01                   // format 1
            00 02                   // 2 tracks: conductor + Bass
            01 E0                   // 480 ticks per quarter

            4D 54 72 6B             // MTrk: conductor
            00 00 00 1F             // 31 bytes
            00 FF 03 01 54          // tick 0: track name "T"
            00 FF 58 04 04 02 18 08 // time signature 4/2^2, 24 clocks per click, 8 32nds per quarter
            00 FF 59 02 FF 01       // key signature: 1 flat (-1 as a signed byte), minor
            00 FF 51 03 07 A1 20    // tempo 500,000 µs per quarter (120 bpm)
            8F 00 FF 2F 00          // +1920 (VLQ 8F 00): end of track at the end of bar 1

            4D 54 72 6B             // MTrk: Bass
            00 00 00 21             // 33 bytes
            00 FF 03 04 42 61 73 73 // track name "Bass"
            00 B1 00 05             // channel 2 bank select MSB 5
            00 B1 20 02             // bank select LSB 2
            00 C1 26                // program 38
            00 91 3C 64             // note-on C4 velocity 100
            83 60 81 3C 00          // +480 (VLQ 83 60): note-off 0x80 with velocity 0, no running status
            8B 20 FF 2F 00          // +1440: end of track at tick 1920
            """, bytes);
    }

    [Fact]
    public void WritesATempoMapAndNoKeySignatureWhenThereIsNone()
    {
        var conductor = new ConductorTrack("", new MidiTimeSignature(6, 8), keySignature: null, 90).SetTempo(720, 100);
        var lead = new MidiTrackBuilder("Lead")
            .AddNote(0, 67, 127, 0, 0)
            .AddPitchBend(0, 0, -8192)
            .AddControlChange(0, 0, 7, 100)
            .Build();

        var bytes = SmfWriter.ToBytes(new MidiFileContent(240, conductor, new[] { lead }, endTick: 1440));

        Hex.AssertEqual("""
            4D 54 68 64 00 00 00 06 // MThd, length 6
            00 01 00 02             // format 1, 2 tracks
            00 F0                   // 240 ticks per quarter

            4D 54 72 6B 00 00 00 20 // MTrk: conductor, 32 bytes
            00 FF 03 00             // track name "" (empty title)
            00 FF 58 04 06 03 0C 08 // 6/2^3, click every eighth (12 clocks), 8 32nds per quarter
            00 FF 51 03 0A 2C 2B    // tempo 666,667 µs (90 bpm, 666,666.67 rounded)
            85 50 FF 51 03 09 27 C0 // +720: tempo 600,000 µs (100 bpm)
            85 50 FF 2F 00          // +720: end of track at 1440

            4D 54 72 6B 00 00 00 1D // MTrk: Lead, 29 bytes
            00 FF 03 04 4C 65 61 64 // track name "Lead"
            00 B0 07 64             // CC 7 (volume) 100: controllers before bend
            00 E0 00 00             // pitch bend full down (-8192 → 0x0000)
            00 90 43 7F             // note-on G4 velocity 127: note-ons last
            01 80 43 00             // +1: a zero-length note lasts one tick
            8B 1F FF 2F 00          // +1439: end of track at 1440
            """, bytes);
    }

    [Fact]
    public void EndOfTrackNeverComesBeforeTheLastEvent()
    {
        var conductor = new ConductorTrack("x", new MidiTimeSignature(4, 4), null, 120).SetTempo(200, 60);
        var track = new MidiTrackBuilder("y").AddNote(0, 60, 100, 0, 480).Build();

        var bytes = SmfWriter.ToBytes(new MidiFileContent(480, conductor, new[] { track }, endTick: 100));

        Hex.AssertEqual("""
            4D 54 68 64 00 00 00 06 00 01 00 02 01 E0 // MThd: format 1, 2 tracks, 480 ppq
            4D 54 72 6B 00 00 00 20 // MTrk: conductor, 32 bytes
            00 FF 03 01 78          // track name "x"
            00 FF 58 04 04 02 18 08 // 4/4
            00 FF 51 03 07 A1 20    // 120 bpm
            81 48 FF 51 03 0F 42 40 // +200: 60 bpm (1,000,000 µs)
            00 FF 2F 00             // end of track at 200, the last tempo, not at the piece's end (100)
            4D 54 72 6B 00 00 00 12 // MTrk, 18 bytes
            00 FF 03 01 79          // track name "y"
            00 90 3C 64             // note-on
            83 60 80 3C 00          // +480 note-off
            00 FF 2F 00             // end of track at 480: the held note is still switched off
            """, bytes);
    }

    [Fact]
    public void AFileWithNoTracksHasOnlyTheConductor()
    {
        var bytes = SmfWriter.ToBytes(new MidiFileContent(96, new ConductorTrack("", new MidiTimeSignature(3, 4), null, 120), Array.Empty<MidiTrack>(), 0));
        Hex.AssertEqual("""
            4D 54 68 64 00 00 00 06 00 01 // MThd, format 1
            00 01                   // 1 track
            00 60                   // 96 ppq
            4D 54 72 6B 00 00 00 17 // MTrk, 23 bytes
            00 FF 03 00             // track name ""
            00 FF 58 04 03 02 18 08 // 3/4
            00 FF 51 03 07 A1 20    // 120 bpm
            00 FF 2F 00             // end of track at tick 0
            """, bytes);
    }

    [Fact]
    public void WritesNamesAsUtf8()
    {
        var bytes = SmfWriter.ToBytes(new MidiFileContent(480, new ConductorTrack("é", new MidiTimeSignature(4, 4), null, 120), Array.Empty<MidiTrack>(), 0));
        Assert.Equal("00 FF 03 02 C3 A9", Hex.Format(bytes[22..28]));
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(0x40, "40")]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "81 00")]
    [InlineData(0x2000, "C0 00")]
    [InlineData(0x3FFF, "FF 7F")]
    [InlineData(0x4000, "81 80 00")]
    [InlineData(0x1FFFFF, "FF FF 7F")]
    [InlineData(0x200000, "81 80 80 00")]
    [InlineData(0x0FFFFFFF, "FF FF FF 7F")]
    public void EncodesVariableLengthQuantities(int value, string expected)
    {
        var buffer = new byte[4];
        var length = VariableLengthQuantity.Write(buffer, value);
        Assert.Equal(expected, Hex.Format(buffer[..length]));
    }

    [Fact]
    public void EqualInputGivesIdenticalBytes()
    {
        static byte[] Render()
        {
            var builder = new MidiTrackBuilder("p");
            var random = new Random(7);
            for (var i = 0; i < 500; i++)
            {
                var start = random.Next(0, 5000);
                builder.AddNote(random.Next(16), random.Next(128), random.Next(1, 128), start, start + random.Next(0, 400));
                builder.AddControlChange(random.Next(16), random.Next(0, 5000), random.Next(128), random.Next(128));
            }
            var conductor = new ConductorTrack("det", new MidiTimeSignature(5, 4), MidiKeySignature.FromTonic("F#", true), new Rational(1231, 10));
            return SmfWriter.ToBytes(new MidiFileContent(480, conductor, new[] { builder.Build(), builder.Build() }, 6000));
        }
        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void RefusesADeltaTimeTooLargeForTheFormat()
    {
        var track = new MidiTrackBuilder("far").AddNote(0, 60, 100, 0x10000000, 0x10000001).Build();
        var content = new MidiFileContent(480, new ConductorTrack("", new MidiTimeSignature(4, 4), null, 120), new[] { track }, 0);
        var error = Assert.Throws<InvalidOperationException>(() => SmfWriter.ToBytes(content));
        Assert.Contains("delta time", error.Message);
    }
}
