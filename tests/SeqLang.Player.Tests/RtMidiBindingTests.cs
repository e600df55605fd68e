using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.RtMidi;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>The RtMidi binding against a real JACK server: APIs, port listing, sending, receiving.</summary>
[Collection(JackCollection.Name)]
public sealed class RtMidiBindingTests(JackServer jack)
{
    [Fact]
    public void The_library_loads_and_has_JACK()
    {
        Assert.True(RtMidiLibrary.IsAvailable(), RtMidiLibrary.InstallHint());
        Assert.Contains(MidiApi.Jack, MidiSystem.CompiledApis());
        Assert.Null(MidiSystem.WhyUnavailable(MidiApi.Jack));
        Assert.Equal(jack.Name, MidiSystem.JackServerName());
    }

    [Fact]
    public void An_input_port_is_listed_as_an_output_destination_and_receives_what_is_sent()
    {
        using var recorder = new MidiRecorder();
        using var output = MidiOutput.Create(MidiApi.Jack, "seq-binding-test");
        var port = Assert.Single(output.Ports(), p => p.Name == recorder.PortName);
        output.Open(port, "out");
        Assert.Equal(recorder.PortName, output.ConnectedTo);
        Settle(output, recorder);

        Assert.True(output.Send([0x90, 60, 100]));
        Assert.True(output.Send([0xC1, 5]));
        Assert.True(output.Send([0x80, 60, 0]));
        var got = recorder.WaitFor(m => m.Count >= 3, TimeSpan.FromSeconds(5));
        Assert.Equal(["903C64", "C105", "803C00"], got.Select(m => m.ToString()));
        Assert.Null(recorder.Fault);
    }

    [Fact]
    public void A_virtual_output_port_can_be_connected_by_jack_connect()
    {
        using var recorder = new MidiRecorder();
        using var output = MidiOutput.Create(MidiApi.Jack, "seq-virtual-test");
        output.OpenVirtual("v");
        var ours = Assert.Single(jack.Ports(), p => p.EndsWith(":v", StringComparison.Ordinal) && p.StartsWith("seq-virtual-test", StringComparison.Ordinal));
        jack.Connect(ours, recorder.PortName);
        Settle(output, recorder);
        Assert.True(output.Send([0xB0, 123, 0]));
        var got = recorder.WaitFor(m => m.Count >= 1, TimeSpan.FromSeconds(5));
        Assert.Equal(["B07B00"], got.Select(m => m.ToString()));
    }

    [Fact]
    public void Port_selection_by_substring_finds_the_recorder()
    {
        using var recorder = new MidiRecorder();
        using var output = MidiOutput.Create(MidiApi.Jack, "seq-selection-test");
        var chosen = PortSelection.Choose(output.Ports(), recorder.ClientName[^6..]);
        Assert.Equal(recorder.PortName, chosen.Port?.Name);
    }

    [Fact]
    public void Sending_costs_no_managed_allocation()
    {
        using var recorder = new MidiRecorder();
        using var output = MidiOutput.Create(MidiApi.Jack, "seq-alloc-test");
        output.Open(output.Ports().Single(p => p.Name == recorder.PortName), "out");
        ReadOnlySpan<byte> on = [0x90, 64, 90];
        output.Send(on); // JIT and first-call stubs
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++) output.Send(on);
        Allocations.AssertNone(GC.GetAllocatedBytesForCurrentThread() - before, 2000, "sending");
    }

    /// <summary>
    /// JACK applies a new connection at a later process cycle, and what is sent before is lost (as the player's start
    /// delay says): sends a probe (a controller on channel 16) until one arrives, lets the last ones in flight land, and
    /// forgets them.
    /// </summary>
    private static void Settle(MidiOutput output, MidiRecorder recorder)
    {
        Assert.True(Wait.Until(() => output.Send([0xBF, 0x7F, 0x00]) && recorder.Messages.Count > 0, TimeSpan.FromSeconds(10)), "the connection carried nothing within 10 s");
        recorder.WaitForQuiet(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
        recorder.Clear();
    }

    [Fact]
    public void The_missing_library_is_exit_3_with_the_install_command()
    {
        var seq = SeqProcess.Start(jack, ["ports"], environment: new() { [RtMidiLibrary.OverrideVariable] = "/nonexistent/librtmidi.so.6" });
        var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("sudo apt-get install librtmidi6", result.Error);
    }
}
