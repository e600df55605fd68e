using System.Globalization;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Midi.Tests;

/// <summary>
/// Our files read by parsers we did not write: mido (Python) and midicsv (C). These fail, never
/// skip, when the tools are missing, with the apt-get command in the message.
/// </summary>
public sealed class IndependentReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seqlang-midi-independent-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string SaveSample() => Save("sample.mid", SmfWriter.ToBytes(RoundTripTests.SampleContent()));

    [Fact]
    public void MidoPassesTheStructuralCheck() =>
        Assert.Empty(IndependentMidiReader.Check(SaveSample(), ppq: 480));

    [Fact]
    public void MidoReadsTheConductorAsWritten()
    {
        var file = IndependentMidiReader.Dump(SaveSample());

        Assert.Equal(1, file.Type);
        Assert.Equal(480, file.TicksPerBeat);
        Assert.Equal(new[] { "Demo", "drums", "bass", "empty" }, file.Tracks.Select(t => t.Name));
        Assert.Equal(new[]
        {
            "0 track_name name=Demo",
            "0 time_signature numerator=7 denominator=8 clocks_per_click=12 notated_32nd=8",
            "0 key_signature key=Em",
            "0 set_tempo tempo=497925",          // 120.5 bpm
            "1680 set_tempo tempo=461538",       // 130 bpm
            "3360 set_tempo tempo=428571",       // 140 bpm
            "5040 end_of_track",
        }, file.Tracks[0].Messages.Select(m => m.ToString()));
    }

    [Fact]
    public void MidoAndOurReaderSeeTheSameMessages()
    {
        var path = SaveSample();
        var mido = IndependentMidiReader.Dump(path);
        var ours = SmfReader.ReadFile(path);

        Assert.Equal(ours.Tracks.Count, mido.Tracks.Count);
        for (var t = 0; t < ours.Tracks.Count; t++)
        {
            Assert.Equal(
                ours.Tracks[t].ChannelMessages.Select(ToMidoText),
                mido.Tracks[t].Messages.Where(m => m.Channel is not null).Select(m => m.ToString()));
            Assert.Equal(ours.Tracks[t].EndTick, mido.Tracks[t].Messages[^1].Tick);
        }
        // The overlap rule as a third party sees it: the bass's first E2 is cut where the second starts.
        Assert.Contains("480 note_off ch=1 note=40 velocity=0", mido.Tracks[2].Messages.Select(m => m.ToString()));
    }

    [Theory]
    [InlineData("C", false, "C")]
    [InlineData("E", true, "Em")]
    [InlineData("Bb", false, "Bb")]
    [InlineData("F#", false, "F#")]
    [InlineData("Gb", false, "Gb")]
    [InlineData("Eb", true, "Ebm")]
    [InlineData("D#", false, "Eb")]
    [InlineData("Db", true, "C#m")]
    public void MidoNamesTheKeySignatureWeWrite(string tonic, bool minor, string midoKey)
    {
        var conductor = new ConductorTrack("k", new MidiTimeSignature(4, 4), MidiKeySignature.FromTonic(tonic, minor), 120);
        var path = Save($"key-{tonic}-{minor}.mid", SmfWriter.ToBytes(new MidiFileContent(480, conductor, Array.Empty<MidiTrack>(), 0)));
        Assert.Equal(midoKey, IndependentMidiReader.Dump(path).Tracks[0].Messages.Single(m => m.Type == "key_signature").Key);
    }

    [Fact]
    public void MidoCheckCatchesABrokenFile()
    {
        // Proof that the check can fail: a note struck while it sounds, and one never released.
        var path = Save("broken.mid", Hex.Parse("""
            4D 54 68 64 00 00 00 06 00 01 00 01 01 E0 // MThd: format 1, 1 track, 480 ppq
            4D 54 72 6B 00 00 00 18 // MTrk, 24 bytes
            00 90 3C 64             // note-on C4
            0A 90 3C 64             // +10: note-on C4 again while it sounds
            0A 80 3C 00             // +10: note-off C4
            0A 80 3C 00             // +10: note-off C4 with nothing sounding
            00 90 40 64             // note-on E4, never released
            00 FF 2F 00             // end of track
            """));

        var errors = IndependentMidiReader.Check(path, ppq: 96);

        Assert.Contains(errors, e => e.Contains("ticks per beat is 480, not 96"));
        Assert.Contains(errors, e => e.Contains("note-on channel 0 note 60 at tick 10 while it sounds since tick 0"));
        Assert.Contains(errors, e => e.Contains("note-off channel 0 note 60 at tick 30 with no note sounding"));
        Assert.Contains(errors, e => e.Contains("note 64 from tick 30 is never switched off"));
    }

    [Fact]
    public void MidicsvAndOurReaderSeeTheSameFile()
    {
        var path = SaveSample();
        var rows = MidiCsv.Read(path);
        var ours = SmfReader.ReadFile(path);

        Assert.Equal("0, 0, Header, 1, 4, 480", rows[0].ToString());
        Assert.Equal(
            ours.Tracks.SelectMany((track, i) => track.Events.Select(e => ToMidiCsvText(i + 1, e))),
            rows.Where(r => r.Type is not ("Header" or "Start_track" or "End_of_file")).Select(r => r.ToString()));
    }

    private static string ToMidoText(SmfEvent e) => (e.Kind switch
    {
        SmfEventKind.NoteOn => new IndependentMidiMessage(e.Tick, "note_on", e.Channel, Note: e.Note, Velocity: e.Velocity),
        SmfEventKind.NoteOff => new IndependentMidiMessage(e.Tick, "note_off", e.Channel, Note: e.Note, Velocity: e.Velocity),
        SmfEventKind.ControlChange => new IndependentMidiMessage(e.Tick, "control_change", e.Channel, Control: e.Controller, Value: e.Value),
        SmfEventKind.ProgramChange => new IndependentMidiMessage(e.Tick, "program_change", e.Channel, Program: e.Program),
        SmfEventKind.PitchBend => new IndependentMidiMessage(e.Tick, "pitchwheel", e.Channel, Pitch: e.PitchBend),
        _ => throw new InvalidOperationException($"not expected in our files: {e}"),
    }).ToString();

    private static string ToMidiCsvText(int track, SmfEvent e)
    {
        var fields = e.Kind switch
        {
            SmfEventKind.NoteOn => $"Note_on_c, {e.Channel}, {e.Note}, {e.Velocity}",
            SmfEventKind.NoteOff => $"Note_off_c, {e.Channel}, {e.Note}, {e.Velocity}",
            SmfEventKind.ControlChange => $"Control_c, {e.Channel}, {e.Controller}, {e.Value}",
            SmfEventKind.ProgramChange => $"Program_c, {e.Channel}, {e.Program}",
            SmfEventKind.PitchBend => $"Pitch_bend_c, {e.Channel}, {e.PitchBend + 8192}",
            SmfEventKind.Meta => e.MetaType switch
            {
                0x03 => $"Title_t, \"{e.Text}\"",
                0x58 => $"Time_signature, {string.Join(", ", e.Data)}",
                0x59 => $"Key_signature, {(sbyte)e.Data[0]}, \"{(e.Data[1] == 0 ? "major" : "minor")}\"",
                0x51 => $"Tempo, {e.MicrosecondsPerQuarter}",
                0x2F => "End_track",
                _ => throw new InvalidOperationException($"not expected in our files: {e}"),
            },
            _ => throw new InvalidOperationException($"not expected in our files: {e}"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{track}, {e.Tick}, {fields}");
    }
}
