using System.Diagnostics;
using System.Text.Json;
using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// The real <c>seq play</c> through a real JACK server: what arrives at a JACK input port is what the
/// renderer writes, channel by channel, in order, on time to a JACK period plus scheduling noise; nothing
/// is left sounding; Ctrl-C mid-chord ends every note and the process.
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackPlaybackTests(JackServer jack)
{
    [Theory]
    [InlineData("three-track.seq", 4)]
    [InlineData("three-track-form.seq", 4)]
    public void What_arrives_at_a_JACK_port_is_what_the_renderer_writes(string name, long bars)
    {
        var path = Path.Combine(Repository.Inputs, name);
        using var recorder = new MidiRecorder();
        var report = Repository.TempFile("timing.json");
        var run = Seq("play", path, "--port", recorder.PortName, "--bars", bars.ToString(), "--timing-report", report, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        var (tracks, endTick, endSeconds) = Expected.Render(Expected.Compile(path), bars);
        Assert.NotEmpty(received);
        var first = received[0].Timestamp;
        double TimeOf(Received m) => (double)(m.Timestamp - first) / Stopwatch.Frequency;
        var errors = new List<double>();
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, TimeOf, Tolerances.OnTime, errors, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));
        errors.Sort();
        Assert.True(errors[errors.Count / 2] <= Tolerances.Median, $"median timing error {errors[errors.Count / 2] * 1000:0.00} ms");

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["events", "mean_us", "p50_us", "p99_us", "max_us", "drift_us", "worst"], keys);
        Assert.Equal(received.Count(m => !(m.Status == 0xB0 && m.Bytes[1] == 123)) - StopOffs(received), json.RootElement.GetProperty("events").GetInt64());
    }

    /// <summary>The reproductions of play ≠ render: muted lanes on the keys of lanes that play.</summary>
    [Theory]
    [InlineData("track drums channel 10 {\n  bd \"x ~ x ~\" mute\n  kick \"x x x x\"\n}\n")]
    [InlineData("track keys channel 1 {\n  play \"c4\"\n  play2 \"~ c4\" mute\n}\n")]
    public void Muted_lanes_neither_sound_nor_cut_what_plays_at_a_JACK_port(string tracks)
    {
        var path = Repository.TempFile("muted.seq");
        File.WriteAllText(path, "title \"Muted\"\ntempo 120\n" + tracks);
        using var recorder = new MidiRecorder();
        var run = Seq("play", path, "--port", recorder.PortName, "--bars", "2", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        var (expected, endTick, endSeconds) = Expected.Render(Expected.Compile(path), 2);
        Assert.NotEmpty(received);
        var first = received[0].Timestamp;
        var problems = Compare.Problems(expected, endTick, endSeconds, received, m => (double)(m.Timestamp - first) / Stopwatch.Frequency,
            Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));
    }

    [Fact]
    public void Ctrl_C_during_a_held_chord_ends_every_note_and_exits_within_a_second()
    {
        var path = Repository.TempFile("held.seq");
        // One chord held for four bars of 4/4 at 60 BPM: sixteen seconds, far longer than the test waits.
        File.WriteAllText(path, "title \"Held\"\ntempo 60\ntrack keys channel 2 program 5 {\n  play \"[c4,e4,g4,b4]/4\" legato 1\n}\ntrack pad channel 3 {\n  play \"[c3,g3]/4\" legato 1\n}\n");
        using var recorder = new MidiRecorder();
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", recorder.PortName]);
        var sounding = recorder.WaitFor(m => m.Count(x => x.IsNoteOn) == 6, TimeSpan.FromSeconds(20));
        Assert.True(sounding.Count(x => x.IsNoteOn) == 6, $"the chord did not start: {string.Join(' ', sounding)}\n{seq.ErrorSoFar}");
        Thread.Sleep(300);
        Assert.False(seq.HasExited, seq.ErrorSoFar);

        var interrupted = Stopwatch.GetTimestamp();
        seq.Interrupt();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(5));
        var exited = Stopwatch.GetElapsedTime(interrupted);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

        // The exit code and both streams: a CI run once failed here with nothing on stderr to say why.
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode} after SIGINT ({exited.TotalMilliseconds:0} ms)\nstdout: {result.Out}\nstderr: {result.Error}");
        Assert.True(exited < TimeSpan.FromSeconds(1), $"seq took {exited.TotalMilliseconds:0} ms to exit after SIGINT");
        Assert.Empty(Compare.Sounding(received.Where(m => !(m.Status == 0xB0 && m.Bytes[1] == 123)).ToList()));
        var stop = received.Where(m => m.Timestamp >= interrupted).ToList();
        Assert.Equal(["B17B00", "B27B00"], stop.Where(m => m.Status == 0xB0).Select(m => m.ToString()));
        var silenced = TimeSpan.FromSeconds((double)(stop.Max(m => m.Timestamp) - interrupted) / Stopwatch.Frequency);
        // SPEC: within 10 ms of the stop (PlayerOrderTests holds the player to that); here the signal must first reach
        // the process, whose signal thread is not real-time, and JACK delivers a period later: a stall's bound.
        Assert.True(silenced < TimeSpan.FromSeconds(Tolerances.Stall),
            $"the last stop message arrived {silenced.TotalMilliseconds:0.0} ms after SIGINT");
    }

    [Fact]
    public void With_several_outputs_and_no_port_named_seq_lists_them_and_asks_for_port()
    {
        using var a = new MidiRecorder();
        using var b = new MidiRecorder();
        var run = Seq("play", Path.Combine(Repository.Inputs, "three-track.seq"), "--bars", "1");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--port", run.Error);
        Assert.Contains(a.PortName, run.Error);
        Assert.Contains(b.PortName, run.Error);
    }

    [Fact]
    public void What_the_clock_thread_runs_is_compiled_before_playback_starts()
    {
        // The runtime's own log of what it compiles, in order. The sink's Send was once compiled by the first
        // note itself (0.5 ms late): RuntimeHelpers.PrepareMethod alone skips methods that implement an interface.
        using var recorder = new MidiRecorder();
        var log = Path.Combine(Path.GetTempPath(), $"seq-jit-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        try
        {
            using var seq = SeqProcess.Start(jack, ["play", Path.Combine(Repository.Inputs, "three-track.seq"), "--port", recorder.PortName, "--bars", "1", "--quiet"],
                environment: new() { ["DOTNET_JitStdOutFile"] = log, ["DOTNET_JitDisasmSummary"] = "1" }, jit: true);
            var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0, result.Error);
            var lines = File.ReadAllLines(log);
            int CompiledAt(string method) => Array.FindIndex(lines, line => line.Contains("JIT compiled " + method, StringComparison.Ordinal));
            // The first methods the clock and compile-ahead threads run.
            var started = new[] { CompiledAt("SeqLang.Player.RealtimePriority:TryEnter("), CompiledAt("SeqLang.Player.AheadCompiler:Run(") }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            Assert.True(started >= 0, "the log shows no playback threads");
            foreach (var method in new[] { "SeqLang.Player.ClockLoop:Run(", "SeqLang.Player.ClockLoop:Send(", "SeqLang.Player.RtMidi.MidiOutput:Send(",
                         "SeqLang.Player.StopwatchClock:WaitUntil(" })
            {
                var at = CompiledAt(method);
                Assert.True(at >= 0 && at < started, $"{method} compiled at line {at} of the log, the playback threads started at line {started}");
            }
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void A_port_that_vanishes_mid_play_stops_playback_with_exit_3()
    {
        var recorder = new MidiRecorder();
        using var seq = SeqProcess.Start(jack, ["play", Path.Combine(Repository.Inputs, "three-track.seq"), "--port", recorder.PortName]);
        recorder.WaitFor(m => m.Count > 10, TimeSpan.FromSeconds(20));
        var port = recorder.PortName;
        recorder.Dispose();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(5));
        Assert.True(result.ExitCode == ExitCodes.IoError, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"the MIDI port '{port}' went away", result.Error);
    }

    [Fact]
    public void A_virtual_port_can_be_connected_while_playing()
    {
        using var recorder = new MidiRecorder();
        var name = $"virtual-{Environment.ProcessId}";
        using var seq = SeqProcess.Start(jack, ["play", Path.Combine(Repository.Inputs, "three-track.seq"), "--virtual", name, "--bars", "3", "--quiet"]);
        string? port = null;
        var clock = Stopwatch.StartNew();
        while (port is null && clock.Elapsed < TimeSpan.FromSeconds(20) && !seq.HasExited)
        {
            port = jack.Ports().FirstOrDefault(p => p.EndsWith(":" + name, StringComparison.Ordinal));
            if (port is null) Thread.Sleep(20);
        }
        Assert.True(port is not null, $"no port ':{name}' appeared: {seq.ErrorSoFar}");
        jack.Connect(port!, recorder.PortName);
        var result = seq.WaitForExit(TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.Contains(received, m => m.IsNoteOn);
        Assert.Equal(["B07B00", "B17B00", "B97B00"], received.Where(m => m.Status == 0xB0 && m.Bytes[1] == 123).Select(m => m.ToString()));
        // Notes that began before the connection end without their note-on ever arriving; what did arrive all ends.
        Assert.Empty(Compare.Sounding(received));
    }

    [Fact]
    public void Seq_ports_lists_the_recorder_as_an_output()
    {
        using var recorder = new MidiRecorder();
        var run = Seq("ports", "--json", "--api", "jack");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("jack", json.RootElement.GetProperty("api").GetString());
        Assert.Contains(recorder.PortName, json.RootElement.GetProperty("outputs").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    /// <summary>The stop's note-offs (those after the last scheduled message are not counted as sends in the report).</summary>
    private static int StopOffs(IReadOnlyList<Received> received)
    {
        var firstCc123 = received.ToList().FindIndex(m => m.Status == 0xB0 && m.Bytes[1] == 123);
        var count = 0;
        for (var i = firstCc123 - 1; i >= 0 && received[i].IsNoteOff && received[i].Timestamp == received[firstCc123].Timestamp; i--) count++;
        return count;
    }

    private static (int ExitCode, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
