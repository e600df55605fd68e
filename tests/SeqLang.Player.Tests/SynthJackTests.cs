using System.Diagnostics;
using System.Text.Json;
using SeqLang.Audio;
using SeqLang.Cli.Play;
using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// <c>seq play --synth --audio jack</c> heard through the tests' JACK server: a capture client of the tests' own
/// (<see cref="JackAudioCapture"/>, libjack directly) records the synth's ports at their JACK frame times, and an
/// independent reader (tests/tools/audio_check.py, numpy) finds the onset, the loudness and the pitch. Needs jackd2,
/// libfluidsynth3, fluid-soundfont-gm and python3-numpy (scripts/install-test-deps.sh).
/// </summary>
[Collection(JackCollection.Name)]
public sealed class SynthJackTests(JackServer jack)
{
    private const string Python = "/usr/bin/python3";

    /// <summary>One a4 of a whole bar (2 s at 120 BPM) on the General MIDI piano.</summary>
    private const string A4 = "title \"A\"\ntempo 120\ntrack piano channel 1 {\n  play \"a4\"\n}\n";

    /// <summary>An onset: the first sample louder than -60 dBFS (the synth's silence is exact zeros; a piano's attack passes this within a millisecond).</summary>
    private const double OnsetThreshold = 0.001;

    private static readonly double PeriodMs = JackServer.Period.TotalMilliseconds;

    /// <summary>
    /// The CLI's own parts in process (<see cref="LiveSynth"/> through <see cref="SynthOutput"/>, played by the
    /// <see cref="PiecePlayer"/>), with a sink in between that notes when the clock thread sent the first note-on:
    /// the onset in the captured audio is measured against that send and against where the timeline puts the note
    /// (the playback's start: it is at tick 0), both as JACK frames.
    /// </summary>
    /// <remarks>
    /// Why one period: FluidSynth takes the note from its event queue when JACK next asks it for a period, and that
    /// period's first frame is where the note sounds. A note sent at frame f therefore sounds at the next period
    /// boundary after f (up to one period later), or, when the synth's share of the current period had not run yet,
    /// at that period's start (before f by at most the time the cycle had run, a fraction of a period). The tolerance
    /// on top: 2 ms for the Stopwatch-to-frame conversion (JACK's own estimate from its periods' wake-up times, which
    /// jitter on a loaded machine) and the attack reaching -60 dBFS; against the timeline also the clock thread's
    /// lateness on two shared cores (<see cref="Tolerances.OnTime"/>'s 25 ms, which the MIDI tests allow too).
    /// </remarks>
    [Fact]
    public void Audio_starts_within_a_period_of_the_first_note_and_is_the_a4_the_messages_say()
    {
        var path = Repository.TempFile("a4.seq");
        File.WriteAllText(path, A4);
        var piece = Expected.Compile(path);
        using var capture = new JackAudioCapture(seconds: 20);
        using var synth = LiveSynth.Start(AudioRenderer.ResolveSoundFont(null), "jack", jackRunning: true);
        Assert.Equal("jack", synth.Driver);
        ConnectSynth(capture, TimeSpan.FromSeconds(10), gaveUp: null);
        var sink = new FirstNoteSink(new SynthOutput(synth));
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 1 });
        capture.MarkClocks();
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        synth.WaitForRelease(TimeSpan.FromSeconds(2));
        WaitForCapture(capture);

        var timeline = capture.FrameOf(player.StartedAt!.Value);
        var sent = capture.FrameOf(sink.FirstNoteOnAt);
        var wav = Repository.TempFile("captured.wav");
        capture.WriteWav(wav);
        var check = Check("onset", wav, Invariant(OnsetThreshold));
        var onset = check.GetProperty("onsetFrame").GetInt64();
        Assert.True(onset >= 0, $"no sound captured: {check}");
        double Ms(long frames) => frames * 1000.0 / capture.SampleRate;
        var afterSend = Ms(onset - sent);
        var afterTimeline = Ms(onset - timeline);
        var from = (double)onset / capture.SampleRate + 0.2;
        var peak = Check("peak", wav, Invariant(from), Invariant(from + 1.5));
        var hz = peak.GetProperty("peakHz").GetDouble();
        var figures = $"onset {afterSend:0.00} ms after the send, {afterTimeline:0.00} ms after the timeline's start (period {PeriodMs:0.00} ms, "
            + $"xruns {jack.Xruns}); {peak.GetProperty("peakHz").GetDouble():0.0} Hz, RMS {peak.GetProperty("rms").GetDouble():0.0000}; {check}";
        Console.WriteLine(figures);
        Assert.True(afterSend >= -PeriodMs - 2 && afterSend <= PeriodMs + 2, figures);
        Assert.True(afterTimeline >= -PeriodMs - 2 && afterTimeline <= PeriodMs + 2 + 25, figures);
        // -46 dBFS over the note: well above silence (exact zeros) and the reverb's tail, well below the note (about -30 dBFS).
        Assert.True(peak.GetProperty("rms").GetDouble() > 0.005, $"the note is (nearly) silent: {figures}");
        Assert.True(Math.Abs(hz - 440) <= 440 * 0.02, $"strongest partial at {hz} Hz: {figures}");
    }

    /// <summary>The real <c>seq play FILE --synth --audio jack</c>, a child process: its ports appear, the capture hears the a4, it exits 0.</summary>
    [Fact]
    public void Seq_play_synth_audio_jack_sounds_an_a4_at_440_Hz_and_exits_0()
    {
        var path = Repository.TempFile("a4.seq");
        File.WriteAllText(path, A4);
        using var capture = new JackAudioCapture(seconds: 20);
        using var seq = SeqProcess.Start(jack, ["play", path, "--synth", "--audio", "jack", "--bars", "1", "--quiet"]);
        ConnectSynth(capture, TimeSpan.FromSeconds(30), gaveUp: () => seq.HasExited);
        var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        WaitForCapture(capture);

        var wav = Repository.TempFile("captured.wav");
        capture.WriteWav(wav);
        var check = Check("onset", wav, Invariant(OnsetThreshold));
        var onset = check.GetProperty("onsetFrame").GetInt64();
        Assert.True(onset >= 0, $"no sound captured: {check}\n{result.Error}");
        var from = (double)onset / capture.SampleRate + 0.2;
        var peak = Check("peak", wav, Invariant(from), Invariant(from + 1.2));
        var hz = peak.GetProperty("peakHz").GetDouble();
        Assert.True(peak.GetProperty("rms").GetDouble() > 0.005, $"the note is (nearly) silent: {peak}");
        Assert.True(Math.Abs(hz - 440) <= 440 * 0.02, $"strongest partial at {hz} Hz: {peak}");
    }

    /// <summary>The clock thread's sends into FluidSynth allocate nothing, as its sends to RtMidi do (a virtual clock: thousands of messages at once).</summary>
    [Fact]
    public void The_clock_thread_allocates_nothing_sending_to_the_synth()
    {
        var piece = Expected.Compile(Path.Combine(Repository.Inputs, "three-track.seq"));
        using var synth = LiveSynth.Start(AudioRenderer.ResolveSoundFont(null), "jack", jackRunning: true);
        var clock = new VirtualClock();
        using var player = new PiecePlayer(piece, new SynthOutput(synth), new PlaybackOptions { Bars = 64, Clock = clock, StartDelay = TimeSpan.Zero });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        Assert.True(result.MessagesSent > 2000, $"only {result.MessagesSent} messages");
        Allocations.AssertNone(result.ClockThreadAllocatedBytes, result.MessagesSent, "the clock thread sending to FluidSynth");
    }

    /// <summary>Connects the synth's two ports to the capture as soon as they appear.</summary>
    private static void ConnectSynth(JackAudioCapture capture, TimeSpan timeout, Func<bool>? gaveUp)
    {
        var left = $"{LiveSynth.JackClientName}:left";
        var right = $"{LiveSynth.JackClientName}:right";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ports = capture.Ports($"^{LiveSynth.JackClientName}:");
            if (ports.Contains(left) && ports.Contains(right)) break;
            if (clock.Elapsed > timeout || gaveUp?.Invoke() == true)
                throw new InvalidOperationException($"the synth's ports did not appear (ports: {string.Join(", ", capture.Ports("."))})");
            Thread.Sleep(5);
        }
        capture.Connect(left, capture.LeftPort);
        capture.Connect(right, capture.RightPort);
    }

    /// <summary>Waits until the capture has recorded up to now (the server's periods run a little behind the wall clock).</summary>
    private static void WaitForCapture(JackAudioCapture capture)
    {
        var now = capture.FrameOf(Stopwatch.GetTimestamp());
        Assert.True(Wait.Until(() => capture.Frames > now, TimeSpan.FromSeconds(5)), $"the capture stopped at frame {capture.Frames}, before {now}");
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Check(params string[] args)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing; install python3-numpy with apt-get (scripts/install-test-deps.sh)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "tools", "audio_check.py"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "audio_check.py did not finish");
        Assert.True(process.ExitCode == 0, $"audio_check.py {string.Join(' ', args)} failed (is python3-numpy installed?): {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>Passes every message on, noting the Stopwatch time of the first note-on (the clock thread's send).</summary>
    private sealed class FirstNoteSink(IMidiSink inner) : IMidiSink
    {
        private long _firstNoteOnAt;

        public long FirstNoteOnAt => Interlocked.Read(ref _firstNoteOnAt);

        public bool Send(ReadOnlySpan<byte> message)
        {
            if (message.Length == 3 && (message[0] & 0xF0) == 0x90 && message[2] > 0 && _firstNoteOnAt == 0)
            {
                var at = Stopwatch.GetTimestamp();
                var sent = inner.Send(message);
                Interlocked.Exchange(ref _firstNoteOnAt, at);
                return sent;
            }
            return inner.Send(message);
        }
    }
}
