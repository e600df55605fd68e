using System.Diagnostics;
using SeqLang.Player.RtMidi;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// A knob opening a filter sweep's ceiling through a real JACK server (issue 16, docs/live-control.md "Knobs on
/// signals"): <c>map cc 21 -> synth.cc74 value 0..127</c> on <c>cc 74 saw 20..100 step 1/4</c>, the real
/// <c>seq play</c>. Tempo 240: a bar is a second, a step a quarter of it.
/// </summary>
[Collection(JackCollection.Name)]
public sealed class SignalKnobJackTests(JackServer jack)
{
    [Fact]
    public void A_knob_on_a_cc_lanes_value_moves_the_sweeps_ceiling_on_the_port()
    {
        var path = Repository.TempFile("sweep-knob.seq");
        File.WriteAllText(path, "tempo 240\nmap cc 21 -> synth.cc74 value 0..127\n" +
            "track synth channel 3 {\n  play \"c4*4\"\n  cc 74 saw 20..100 step 1/4\n}\n");
        var name = $"knob{Environment.ProcessId}";
        using var knob = MidiOutput.Create(MidiApi.Jack, name);
        knob.OpenVirtual(name);
        using var recorder = new MidiRecorder();
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", recorder.PortName, "--input", name, "--bars", "8"]);
        static bool Sweep(Received m) => m.Status == 0xB0 && m.Channel == 2 && m.Bytes[1] == 74;
        var first = recorder.WaitFor(m => m.Count(Sweep) >= 4, TimeSpan.FromSeconds(20));
        Assert.True(first.Count(Sweep) >= 4, $"no sweep arrived: {seq.ErrorSoFar}");
        var moved = Stopwatch.GetTimestamp();
        Assert.True(knob.Send([0xB2, 21, 127])); // fully open: saw 20..127
        // The switch comes at the first sixteenth 30 ms ahead; the bar after that is the new sweep throughout.
        var settled = moved + Stopwatch.Frequency * 5 / 4;
        var after = recorder.WaitFor(m => m.Count(x => Sweep(x) && x.Timestamp > settled) >= 4, TimeSpan.FromSeconds(10));
        seq.Interrupt();
        Assert.True(seq.WaitForExit(TimeSpan.FromSeconds(5)).ExitCode == 0, seq.ErrorSoFar);

        var sweep = recorder.Messages.Where(Sweep).ToList();
        Assert.All(sweep.Where(m => m.Timestamp < moved), m => Assert.Contains(m.Bytes[2], new byte[] { 20, 40, 60, 80 }));
        var opened = sweep.Where(m => m.Timestamp > settled).Select(m => m.Bytes[2]).ToList();
        Assert.True(opened.Count >= 4, $"{opened.Count} sweep values a bar after the knob");
        Assert.All(opened, v => Assert.Contains(v, new byte[] { 20, 47, 74, 100 }));
        Assert.Contains((byte)100, opened);
    }
}
