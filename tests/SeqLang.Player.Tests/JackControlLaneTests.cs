using System.Diagnostics;
using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Midi.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Control lanes (SPEC §13) through a real JACK server (256-frame periods, <see cref="JackServer"/>) and the real
/// <c>seq play</c> as a child process (<c>dotnet seq.dll</c>, or the native program on the native pass): what
/// arrives at our own JACK input (<see cref="MidiRecorder"/>) is, channel by channel and in order, what
/// <c>seq render</c> writes into the file as mido reads it: the bend range (RPN 0) first, the bends, the stepped
/// cc sweep and the pressure, then at the stop the centring bend the file has at its end, and CC 123.
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackControlLaneTests(JackServer jack)
{
    // The bend lane ends at +7 semitones, off-centre, so the end re-centres channel 1; channel 2 never bends.
    private const string Source = """
        title "Lanes at the port"
        tempo 120
        track lead channel 1 bend 12 {
          play "c4 e4 g4 c5" legato 0.5
          bend "0 [2 4] -3 7"
          cc 74 saw 0..127 over 2 bars step 1/32
        }
        track pad channel 2 program 5 {
          play "e3"
          touch "100 40"
        }

        """;

    private const int Bars = 2;

    [Fact]
    public void Seq_play_delivers_the_files_bend_range_bends_sweep_and_pressure_then_centres_the_bend_at_the_stop()
    {
        var path = Repository.TempFile("lanes.seq");
        File.WriteAllText(path, Source);
        var rendered = Repository.TempFile("lanes.mid");
        var render = Seq("render", path, "--bars", Bars.ToString(), "-o", rendered);
        Assert.True(render.ExitCode == 0, render.Error);
        var file = IndependentMidiReader.Dump(rendered);
        var endTick = file.Tracks.Max(t => t.Messages[^1].Tick);
        Assert.Equal(Bars * 1920L, endTick);

        using var recorder = new MidiRecorder();
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", recorder.PortName, "--bars", Bars.ToString(), "--quiet"]);
        var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.Null(recorder.Fault);

        foreach (var channel in new[] { 0, 1 })
        {
            var want = file.Tracks.SelectMany(t => t.Messages).Where(m => m.Channel == channel).ToList();
            var have = received.Where(m => m.Channel == channel).Select(m => m.ToString()).ToList();
            // Before the end: the file's messages, byte for byte, in the file's order.
            var played = want.Where(m => m.Tick < endTick).Select(Bytes).ToList();
            Assert.True(have.Count > played.Count, $"channel {channel + 1}: {have.Count} messages arrived, the file has {played.Count} before its end");
            Assert.Equal(played, have.Take(played.Count));
            // The stop: what the file has at its end tick (note-offs, the centring bend), then CC 123, last.
            var stop = have.Skip(played.Count).ToList();
            Assert.Equal($"B{channel:X1}7B00", stop[^1]);
            Assert.Equal(want.Where(m => m.Tick >= endTick).Select(Bytes).Order(), stop.SkipLast(1).Order());
        }

        var lead = received.Where(m => m.Channel == 0).Select(m => m.ToString()).ToList();
        // RPN 0 = 12 semitones, then the null RPN, before anything else on the channel.
        Assert.Equal(["B06500", "B06400", "B0060C", "B02600", "B0657F", "B0647F"], lead.Take(6));
        // 8192 + round(8192 · v / 12) for 0, 2, 4, -3, 7 in each bar; the last, at the stop, the centre.
        var bends = lead.Where(m => m.StartsWith("E0", StringComparison.Ordinal)).ToList();
        string[] bar = ["E00040", "E0554A", "E02B55", "E00030", "E02B65"];
        Assert.Equal([.. bar, .. bar, "E00040"], bends);
        Assert.True(lead.LastIndexOf("E00040") > lead.FindLastIndex(m => m.StartsWith("B04A", StringComparison.Ordinal)), "the centring bend came before the sweep's end");
        // The sweep: its changes only, never the same value twice in a row.
        var sweep = lead.Where(m => m.StartsWith("B04A", StringComparison.Ordinal)).ToList();
        Assert.True(sweep.Count >= 60, $"{sweep.Count} sweep messages");
        Assert.All(sweep.Zip(sweep.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        // The pad neither bends nor sets a range; it gets its program and its pressure.
        var pad = received.Where(m => m.Channel == 1).Select(m => m.ToString()).ToList();
        Assert.DoesNotContain(pad, m => m.StartsWith("E1", StringComparison.Ordinal) || m.StartsWith("B165", StringComparison.Ordinal));
        Assert.Equal(["D164", "D128", "D164", "D128"], pad.Where(m => m.StartsWith("D1", StringComparison.Ordinal)));

        // And on time: the file's tempo map against the arrivals, as the other JACK tests hold them.
        var (tracks, expectedEnd, endSeconds) = Expected.Render(Expected.Compile(path), Bars);
        Assert.Equal(endTick, expectedEnd);
        var first = received[0].Timestamp;
        var problems = Compare.Problems(tracks, expectedEnd, endSeconds, received, m => (double)(m.Timestamp - first) / Stopwatch.Frequency,
            Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));
    }

    /// <summary>A message as mido reads it, as the bytes on the wire (mido's pitch is the 14-bit value − 8192).</summary>
    private static string Bytes(IndependentMidiMessage m)
    {
        var channel = m.Channel!.Value;
        byte[] bytes = m.Type switch
        {
            "note_on" => [(byte)(0x90 | channel), (byte)m.Note!, (byte)m.Velocity!],
            "note_off" => [(byte)(0x80 | channel), (byte)m.Note!, (byte)m.Velocity!],
            "control_change" => [(byte)(0xB0 | channel), (byte)m.Control!, (byte)m.Value!],
            "program_change" => [(byte)(0xC0 | channel), (byte)m.Program!],
            "pitchwheel" => [(byte)(0xE0 | channel), (byte)((m.Pitch!.Value + 8192) & 0x7F), (byte)((m.Pitch!.Value + 8192) >> 7)],
            "aftertouch" => [(byte)(0xD0 | channel), (byte)m.Value!],
            _ => throw new InvalidOperationException($"a message this test does not expect: {m}"),
        };
        return Convert.ToHexString(bytes);
    }

    private static (int ExitCode, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
