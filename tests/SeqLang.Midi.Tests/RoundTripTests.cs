using SeqLang.Core.Time;

namespace SeqLang.Midi.Tests;

/// <summary>Writer → reader: what was built is what is read back, event for event.</summary>
public class RoundTripTests
{
    internal static MidiFileContent SampleContent()
    {
        var conductor = new ConductorTrack("Demo", new MidiTimeSignature(7, 8), MidiKeySignature.FromTonic("E", isMinor: true), new Rational(241, 2))
            .SetTempo(1680, 130)
            .SetTempo(3360, 140);
        var drums = new MidiTrackBuilder("drums");
        for (var i = 0; i < 28; i++) drums.AddNote(9, i % 2 == 0 ? 36 : 42, 60 + i, i * 240, i * 240 + 120);
        var bass = new MidiTrackBuilder("bass")
            .AddProgramChange(1, 0, 38, bankMsb: 1, bankLsb: 0)
            .AddNote(1, 40, 100, 0, 1000)
            .AddNote(1, 40, 90, 480, 700)          // cuts the first at 480
            .AddNote(1, 43, 80, 1680, 1680)        // one tick
            .AddControlChange(1, 0, 7, 100)
            .AddControlChange(1, 840, 74, 30)
            .AddPitchBend(1, 1200, -4096)
            .AddPitchBend(1, 1300, 0);
        return new MidiFileContent(480, conductor, new[] { drums.Build(), bass.Build(), new MidiTrackBuilder("empty").Build() }, endTick: 5040);
    }

    [Fact]
    public void ReadsBackWhatWasWritten()
    {
        var content = SampleContent();
        var file = SmfReader.Read(SmfWriter.ToBytes(content));

        Assert.Equal(1, file.Format);
        Assert.Equal(480, file.Ppq);
        Assert.Equal(4, file.Tracks.Count);

        var conductor = file.Tracks[0];
        Assert.Equal("Demo", conductor.Name);
        Assert.Equal(new byte[] { 0x03, 0x58, 0x59, 0x51, 0x51, 0x51, 0x2F }, conductor.Events.Select(e => e.MetaType));
        Assert.Equal(new byte[] { 7, 3, 12, 8 }, conductor.Events[1].Data);
        Assert.Equal(new byte[] { 1, 1 }, conductor.Events[2].Data);
        Assert.Equal(new[] { (0L, 497925), (1680L, 461538), (3360L, 428571) },
            conductor.Events.Where(e => e.IsMeta(0x51)).Select(e => (e.Tick, e.MicrosecondsPerQuarter)));
        Assert.Equal(5040, conductor.EndTick);

        for (var i = 0; i < content.Tracks.Count; i++)
        {
            var expected = content.Tracks[i];
            var actual = file.Tracks[i + 1];
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(
                expected.Messages.Select(m => (m.Tick, Convert.ToHexString(m.ToBytes()))),
                actual.ChannelMessages.Select(e => (e.Tick, Convert.ToHexString(e.ToChannelBytes()))));
            Assert.Equal(Math.Max(content.EndTick, expected.LastTick), actual.EndTick);
        }
    }

    [Fact]
    public void WritingWhatWasReadGivesTheSameBytes()
    {
        var bytes = SmfWriter.ToBytes(SampleContent());
        var file = SmfReader.Read(bytes);
        var tracks = file.Tracks.Skip(1).Select(t => new MidiTrack(t.Name!, t.ChannelMessages.Select(ToMessage).ToArray())).ToArray();
        var again = SmfWriter.ToBytes(new MidiFileContent(file.Ppq, SampleContent().Conductor, tracks, file.Tracks[0].EndTick));
        Assert.Equal(bytes, again);
    }

    [Fact]
    public void LongDeltasAndTwoByteMessagesReadBackTheSameWhateverTheTrackIsHeldIn()
    {
        // Deltas of 1 to 4 bytes (more than the writer's first guess of 5 bytes an event), program changes of 2.
        var builder = new MidiTrackBuilder("gaps");
        long tick = 0;
        var gaps = new long[] { 2_097_152, 1, 0x0FFFFFFF - 1, 127, 2_097_151, 128, 16_383, 16_384, 0x0FFFFFFF / 4 };
        for (var i = 0; i < 3000; i++)
        {
            // One note at a time, so that every delta is a gap; mostly 3- and 4-byte ones.
            if (i % 7 == 0) builder.AddProgramChange(i % 16, tick, i % 128);
            var end = tick + 1 + gaps[i % gaps.Length];
            builder.AddNote(i % 16, i % 128, 1 + i % 127, tick, end);
            tick = end + gaps[(i + 4) % gaps.Length];
        }
        var built = builder.Build();
        var asList = new MidiTrack("gaps", built.Messages.ToList());
        var conductor = new ConductorTrack("t", new MidiTimeSignature(4, 4), null, 120);
        var bytes = SmfWriter.ToBytes(new MidiFileContent(480, conductor, new[] { built }, 0));

        Assert.Equal(bytes, SmfWriter.ToBytes(new MidiFileContent(480, conductor, new[] { asList }, 0)));
        using var stream = new MemoryStream();
        SmfWriter.Write(stream, new MidiFileContent(480, conductor, new[] { built }, 0));
        Assert.Equal(bytes, stream.ToArray());
        Assert.Equal(
            built.Messages.Select(m => (m.Tick, Convert.ToHexString(m.ToBytes()))),
            SmfReader.Read(bytes).Tracks[1].ChannelMessages.Select(e => (e.Tick, Convert.ToHexString(e.ToChannelBytes()))));
    }

    private static MidiChannelMessage ToMessage(SmfEvent e) => e.Kind switch
    {
        SmfEventKind.NoteOn => MidiChannelMessage.NoteOn(e.Tick, e.Channel, e.Note, e.Velocity),
        SmfEventKind.NoteOff => MidiChannelMessage.NoteOff(e.Tick, e.Channel, e.Note),
        SmfEventKind.ControlChange => MidiChannelMessage.ControlChange(e.Tick, e.Channel, e.Controller, e.Value),
        SmfEventKind.ProgramChange => MidiChannelMessage.ProgramChange(e.Tick, e.Channel, e.Program),
        SmfEventKind.PitchBend => MidiChannelMessage.PitchBend(e.Tick, e.Channel, e.PitchBend),
        _ => throw new InvalidOperationException(e.ToString()),
    };
}
