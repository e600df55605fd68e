using SeqLang.Midi.Tests.Support;

namespace SeqLang.Midi.Tests;

public class SmfReaderTests
{
    private const string Format0Header = "4D 54 68 64 00 00 00 06 00 00 00 01 00 60"; // MThd, format 0, 1 track, 96 ppq

    [Fact]
    public void ReadsRunningStatusSysExMetaAndSkipsUnknownChunks()
    {
        var file = SmfReader.Read(Hex.Parse($"""
            {Format0Header}
            58 46 49 4C 00 00 00 02 AA BB // "XFIL" chunk of 2 bytes: not ours, skipped
            4D 54 72 6B 00 00 00 2D // MTrk, 45 bytes
            00 90 3C 40             // note-on C4 64
            10 3E 40                // +16, running status: note-on D4 64
            10 3C 00                // +16, running status: note-on velocity 0 (an off)
            00 F0 03 7E 7F F7       // sysex, 3 bytes (cancels running status)
            00 FF 01 02 68 69       // text "hi"
            05 B2 07 64             // +5: channel 3 CC 7 = 100
            00 C2 05                // program 5
            00 06                   // running status, one data byte: program 6
            81 00 E2 00 40          // +128: pitch bend centre
            00 F7 02 F8 FA          // escape: raw F8 FA
            00 FF 2F 00             // end of track
            """));

        Assert.Equal(0, file.Format);
        Assert.Equal(96, file.Ppq);
        var events = Assert.Single(file.Tracks).Events;
        Assert.Equal(new[]
        {
            "0 NoteOn ch0 60 64",
            "16 NoteOn ch0 62 64",
            "32 NoteOn ch0 60 0",
            "32 SysEx [7E7FF7]",
            "32 Meta 01 [6869]",
            "37 ControlChange ch2 7 100",
            "37 ProgramChange ch2 5",
            "37 ProgramChange ch2 6",
            "165 PitchBend ch2 0 64",
            "165 SysExEscape [F8FA]",
            "165 Meta 2F []",
        }, events.Select(e => e.ToString()));
        Assert.True(events[2].IsNoteOff);
        Assert.False(events[2].IsNoteOn);
        Assert.Equal(0, events[8].PitchBend);
        Assert.Equal("hi", events[4].Text);
        Assert.Equal(new byte[] { 0x90, 62, 64 }, events[1].ToChannelBytes());
        Assert.Equal(14 + 10 + 8 + 4 + 1, events[1].Offset);   // header, alien chunk, MTrk header, first event, delta: the data byte
        Assert.Equal(165, file.Tracks[0].EndTick);
    }

    [Fact]
    public void DecodesTempoAndTrackName()
    {
        var file = SmfReader.Read(Hex.Parse("""
            4D 54 68 64 00 00 00 06 00 01 00 01 01 E0 // MThd, format 1, 1 track, 480 ppq
            4D 54 72 6B 00 00 00 13 // MTrk, 19 bytes
            00 FF 03 04 4C 65 61 64 // track name "Lead"
            00 FF 51 03 07 A1 20    // tempo 500,000
            00 FF 2F 00             // end of track
            """));
        Assert.Equal("Lead", file.Tracks[0].Name);
        Assert.Equal(500000, file.Tracks[0].Events[1].MicrosecondsPerQuarter);
        Assert.Throws<InvalidOperationException>(() => file.Tracks[0].Events[1].Note);
    }

    [Theory]
    // Not a MIDI file at all.
    [InlineData("52 49 46 46 00 00 00 06 00 00 00 01 00 60", 0, "expected chunk 'MThd'")]
    // Header cut short after the format word.
    [InlineData("4D 54 68 64 00 00 00 06 00 01", 10, "file ends")]
    // Format 0 announcing two tracks.
    [InlineData("4D 54 68 64 00 00 00 06 00 00 00 02 00 60", 10, "exactly one track")]
    // Header announces a track that is not there.
    [InlineData("4D 54 68 64 00 00 00 06 00 01 00 01 00 60", 14, "announces 1 tracks")]
    // Track chunk longer than the file.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 10 00 FF 2F 00", 18, "only 4 remain")]
    // No end of track.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 04 00 90 3C 40", 26, "without an end of track")]
    // A data byte first, with no running status to lend it a status.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 07 00 3C 40 00 FF 2F 00", 23, "no running status")]
    // Running status does not survive a sysex.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 0D 00 90 3C 40 00 F0 01 F7 00 3C 00 00 FF 2F 00", 31, "no running status")]
    // A data byte with bit 7 set.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 08 00 90 3C 80 00 FF 2F 00", 25, "bit 7 set")]
    // A delta time of five bytes.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 09 FF FF FF FF 7F FF 2F 00 00", 22, "longer than 4 bytes")]
    // Real-time byte inside a track.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 06 00 F8 00 FF 2F 00", 23, "cannot appear")]
    // Bytes after the end of track inside the chunk.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 05 00 FF 2F 00 00", 26, "after the end of track")]
    // Bytes after the last track.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 04 00 FF 2F 00 00 00", 26, "after the last track")]
    // Truncated mid-event.
    [InlineData(Format0Header + " 4D 54 72 6B 00 00 00 03 00 90 3C", 24, "chunk ends")]
    public void RejectsMalformedFilesWithTheOffset(string hex, long offset, string problem)
    {
        var error = Assert.Throws<SmfFormatException>(() => SmfReader.Read(Hex.Parse(hex)));
        Assert.Contains(problem, error.Problem);
        Assert.Equal(offset, error.Offset);
        Assert.Contains($"byte offset {offset}", error.Message);
    }
}
