using SeqLang.Cli.Tests.Support;
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
    /// period's first frame is where the note sounds. Let P be the first period the capture is given after the send:
    /// the synth's share of P runs before the capture's (its ports feed the capture), so either it ran after the send
    /// and the note starts at P's first frame, or it had just run and the note starts at the next period's. So the
    /// onset is 0 to 1 period after P's first frame; never before it. The tolerance on top, 2 ms: the piano's attack
    /// reaching -60 dBFS (0.8 ms, measured in <c>seq render</c>'s output, where the note is at a known frame). Against
    /// the timeline, also the clock thread's lateness on two shared cores (<see cref="Tolerances.OnTime"/>'s 25 ms,
    /// which the MIDI tests allow too). Frames, not wall time: a loaded machine delays the periods themselves, which
    /// is JACK's latency, not ours (the figures print the wall time too).
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
        var sink = new NoteOnSink(new SynthOutput(synth));
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 1 });
        var result = player.Run();
        Assert.Equal(StopReason.End, result.Reason);
        synth.WaitForRelease(TimeSpan.FromSeconds(2));
        WaitForCapture(capture, after: capture.FrameNow() + capture.SampleRate);

        var wav = Repository.TempFile("captured.wav");
        capture.WriteWav(wav);
        var check = Check("onset", wav, Invariant(OnsetThreshold));
        var onset = check.GetProperty("onsetFrame").GetInt64();
        Assert.True(onset >= 0, $"no sound captured: {check}");
        var from = (double)onset / capture.SampleRate + 0.2;
        var peak = Check("peak", wav, Invariant(from), Invariant(from + 1.5));
        var hz = peak.GetProperty("peakHz").GetDouble();

        // The send and the timeline's note (the playback's start: the note is at tick 0) as JACK frames: the first
        // period the capture was given after each, by the Stopwatch (the synth's share of a period runs before the
        // capture's, which it feeds). Not jack_frame_time: on a loaded server its estimate was 17 ms off (seen here).
        var cycles = capture.Cycles();
        int FirstAfter(long time) => cycles.Select((c, i) => (c, i)).First(x => x.c.Time > time).i;
        var k = FirstAfter(sink.FirstNoteOnAt);
        var sent = cycles[k].Frame;
        var next = cycles[k + 1].Frame - sent; // one period, unless the server skipped frames (an xrun) just then
        var timeline = cycles[FirstAfter(player.StartedAt!.Value)].Frame;
        double Ms(long frames) => frames * 1000.0 / capture.SampleRate;
        var afterSend = Ms(onset - sent);
        var afterTimeline = Ms(onset - timeline);
        var realLatency = (cycles.First(c => c.Frame + JackServer.PeriodFrames > onset).Time - sink.FirstNoteOnAt) * 1000.0 / Stopwatch.Frequency;
        var figures = $"onset {afterSend:0.00} ms after the period the note was sent in, {afterTimeline:0.00} ms after the timeline's "
            + $"(period {PeriodMs:0.00} ms, the next one {Ms(next):0.00} ms); heard by the capture {realLatency:0.00} ms after the send; "
            + $"xruns {jack.Xruns}; {hz:0.0} Hz, RMS {peak.GetProperty("rms").GetDouble():0.0000}; {check}";
        Console.WriteLine(figures);
        Assert.True(afterSend >= 0 && afterSend <= Ms(next) + 2, figures);
        Assert.True(afterTimeline >= 0 && afterTimeline <= Ms(next) + 2 + 25, figures);
        // -46 dBFS over the note: well above silence (exact zeros) and the reverb's tail, well below the note (about -30 dBFS).
        Assert.True(peak.GetProperty("rms").GetDouble() > 0.005, $"the note is (nearly) silent: {figures}");
        Assert.True(Math.Abs(hz - 440) <= 440 * 0.02, $"strongest partial at {hz} Hz: {figures}");
    }

    /// <summary>Four notes, two seconds apart, each short and dry (reverb and chorus sends at 0), so each has fallen silent before the next.</summary>
    private const string FourNotes = "title \"Four\"\ntempo 120\ntrack piano channel 1 {\n  play \"<a4 c5 e4 a4> ~ ~ ~ ~ ~ ~ ~\"\n  cc 91 0\n  cc 93 0\n}\n";

    /// <summary>
    /// Every note, not only the first: each onset in the captured audio is 0 to 1 period (+ the attack's 2 ms) after
    /// the first period the capture was given after the clock thread sent that note-on, for the reasons above; and
    /// the notes are sent as far apart as on the timeline, within the clock's lateness.
    /// </summary>
    [Fact]
    public void Audio_starts_each_note_within_a_period_of_its_message()
    {
        var path = Repository.TempFile("four.seq");
        File.WriteAllText(path, FourNotes);
        var piece = Expected.Compile(path);
        using var capture = new JackAudioCapture(seconds: 30);
        using var synth = LiveSynth.Start(AudioRenderer.ResolveSoundFont(null), "jack", jackRunning: true);
        ConnectSynth(capture, TimeSpan.FromSeconds(10), gaveUp: null);
        var sink = new NoteOnSink(new SynthOutput(synth));
        using var player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 4 });
        Assert.Equal(StopReason.End, player.Run().Reason);
        synth.WaitForRelease(TimeSpan.FromSeconds(2));
        WaitForCapture(capture, after: capture.FrameNow() + capture.SampleRate);

        var wav = Repository.TempFile("captured-four.wav");
        capture.WriteWav(wav);
        var check = Check("onsets", wav, Invariant(OnsetThreshold), "0.25");
        var onsets = check.GetProperty("onsetFrames").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var sends = sink.NoteOnsAt;
        Assert.True(sends.Length == 4, $"{sends.Length} note-ons sent");
        Assert.True(onsets.Length == 4, $"{onsets.Length} onsets heard, 4 sent: {check}");
        var cycles = capture.Cycles();
        double Ms(long frames) => frames * 1000.0 / capture.SampleRate;
        var lines = new List<string>();
        for (var n = 0; n < 4; n++)
        {
            var k = 0;
            while (cycles[k].Time <= sends[n]) k++;
            var sent = cycles[k].Frame;
            var period = cycles[k + 1].Frame - sent; // one period, unless the server skipped frames (an xrun) just then
            var afterSend = Ms(onsets[n] - sent);
            lines.Add($"note {n + 1}: onset {afterSend:0.00} ms after the period it was sent in (period {Ms(period):0.00} ms)");
            Assert.True(afterSend >= 0 && afterSend <= Ms(period) + 2, string.Join("; ", lines) + $"; xruns {jack.Xruns}");
        }
        // The timeline puts the notes 2 s apart: so are their sends, within the clock's lateness, on the clock the
        // timeline is kept by (JACK's frame clock can slip against it when the server xruns, by tens of ms here; each
        // onset is held to its own send's period above).
        for (var n = 1; n < 4; n++)
            Assert.InRange((sends[n] - sends[n - 1]) * 1000.0 / Stopwatch.Frequency, 2000 - 25, 2000 + 25);
        Console.WriteLine(string.Join("; ", lines));
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

    /// <summary>
    /// <c>seq play examples/demo.seq --synth --audio jack</c> (drums on channel 10, bass, chords, an arpeggio): it sounds,
    /// and Ctrl-C stops it as it stops a MIDI playback: exit 0 within a second, having said it stopped.
    /// </summary>
    [Fact]
    public void Seq_play_synth_sounds_the_demo_and_Ctrl_C_stops_it_within_a_second()
    {
        using var capture = new JackAudioCapture(seconds: 60);
        using var seq = SeqProcess.Start(jack, ["play", Path.Combine(Repository.Examples, "demo.seq"), "--synth", "--audio", "jack"]);
        ConnectSynth(capture, TimeSpan.FromSeconds(30), gaveUp: () => seq.HasExited);
        var connectedAt = capture.Frames;
        Assert.True(Wait.Until(() => capture.PeakSince(connectedAt) > 0.01 || seq.HasExited, TimeSpan.FromSeconds(20)), $"no sound: {seq.ErrorSoFar}");
        Assert.False(seq.HasExited, seq.ErrorSoFar);
        Thread.Sleep(500);

        var interrupted = Stopwatch.GetTimestamp();
        seq.Interrupt();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(5));
        var exited = Stopwatch.GetElapsedTime(interrupted);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode} after SIGINT\nstderr: {result.Error}");
        Assert.True(exited < TimeSpan.FromSeconds(1), $"seq took {exited.TotalMilliseconds:0} ms to exit after SIGINT");
        Assert.Contains("seq play: stopped after", result.Error);
        Assert.Contains("FluidSynth through jack", result.Error);

        var wav = Repository.TempFile("demo.wav");
        capture.WriteWav(wav);
        var check = Check("onset", wav, Invariant(OnsetThreshold));
        var onset = check.GetProperty("onsetFrame").GetInt64();
        Assert.True(onset >= 0, $"no sound captured: {check}");
        var from = (double)onset / capture.SampleRate;
        var window = Check("peak", wav, Invariant(from), Invariant(from + 0.5));
        Assert.True(window.GetProperty("rms").GetDouble() > 0.005, $"the demo is (nearly) silent: {window}");
    }

    /// <summary>
    /// The clock thread never waits for the JIT with the synth either: the sink's and the synth's Send and the binding's
    /// stubs are compiled before the playback threads start (the runtime's own log of what it compiles, in order).
    /// </summary>
    [Fact]
    public void What_the_clock_thread_runs_into_the_synth_is_compiled_before_playback_starts()
    {
        var path = Repository.TempFile("a4.seq");
        File.WriteAllText(path, A4);
        var log = Path.Combine(Path.GetTempPath(), $"seq-jit-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        try
        {
            using var seq = SeqProcess.Start(jack, ["play", path, "--synth", "--audio", "jack", "--bars", "1", "--quiet"],
                environment: new() { ["DOTNET_JitStdOutFile"] = log, ["DOTNET_JitDisasmSummary"] = "1" }, jit: true);
            var result = seq.WaitForExit(TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.Error);
            var lines = File.ReadAllLines(log);
            int CompiledAt(string method) => Array.FindIndex(lines, line => line.Contains("JIT compiled " + method, StringComparison.Ordinal));
            var started = new[] { CompiledAt("SeqLang.Player.RealtimePriority:TryEnter("), CompiledAt("SeqLang.Player.AheadCompiler:Run(") }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            Assert.True(started >= 0, "the log shows no playback threads");
            // The binding's calls are blittable: no wrapper method, only the runtime's P/Invoke stub, named by its signature
            // (nint,int,int,int: note-on, CC, key pressure; nint,int,int: note-off, program, pitch bend, channel pressure).
            foreach (var method in new[] { "SeqLang.Player.ClockLoop:Send(", "SeqLang.Cli.Play.SynthOutput:Send(", "SeqLang.Audio.LiveSynth:Send(",
                         "(dynamicClass):IL_STUB_PInvoke(nint,int,int,int)", "(dynamicClass):IL_STUB_PInvoke(nint,int,int)" })
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

    /// <summary>
    /// The JACK server stopping under <c>seq play --synth --audio jack</c> stops it as it stops a MIDI playback: exit 3
    /// within a second and a half (as JackServerLossTests allows), saying the server went away. A second server of its own.
    /// </summary>
    [Fact]
    public void The_JACK_server_stopping_under_the_synth_stops_playback_with_exit_3_and_says_so()
    {
        using var server = JackServer.StartSecond("synth-lost");
        using var seq = SeqProcess.Start(server, ["play", Path.Combine(Repository.Inputs, "three-track.seq"), "--synth", "--audio", "jack"]);
        Assert.True(Wait.Until(() => seq.ErrorSoFar.Contains("FluidSynth through jack", StringComparison.Ordinal) || seq.HasExited, TimeSpan.FromSeconds(30)),
            $"seq play did not start: {seq.ErrorSoFar}");
        Assert.True(Wait.Until(() => server.Ports().Contains($"{LiveSynth.JackClientName}:left"), TimeSpan.FromSeconds(10)), string.Join(", ", server.Ports()));
        Thread.Sleep(500);
        Assert.False(seq.HasExited, $"seq play ended before the server stopped: {seq.ErrorSoFar}");

        var clock = Stopwatch.StartNew();
        server.Terminate();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(10));
        var exitedAfter = clock.Elapsed;
        Assert.True(result.ExitCode == Cli.ExitCodes.IoError, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"the JACK server '{server.Name}' went away", result.Error);
        Assert.True(exitedAfter <= TimeSpan.FromSeconds(1.5), $"seq play exited {exitedAfter.TotalSeconds:0.00} s after the server stopped");
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

    /// <summary>Connects the synth's two ports to the capture as soon as they appear and their client is active.</summary>
    private static void ConnectSynth(JackAudioCapture capture, TimeSpan timeout, Func<bool>? gaveUp)
    {
        var left = $"{LiveSynth.JackClientName}:left";
        var right = $"{LiveSynth.JackClientName}:right";
        var clock = Stopwatch.StartNew();
        while (!(capture.TryConnect(left, capture.LeftPort) && capture.TryConnect(right, capture.RightPort)))
        {
            if (clock.Elapsed > timeout || gaveUp?.Invoke() == true)
                throw new InvalidOperationException($"could not connect the synth's ports (ports: {string.Join(", ", capture.Ports("."))})");
            Thread.Sleep(5);
        }
    }

    /// <summary>Waits until the capture has recorded up to now, and at least to <paramref name="after"/>.</summary>
    private static void WaitForCapture(JackAudioCapture capture, long after = 0)
    {
        var until = Math.Max(capture.FrameNow(), after);
        Assert.True(Wait.Until(() => capture.Frames > until, TimeSpan.FromSeconds(10)), $"the capture stopped at frame {capture.Frames}, before {until}");
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Check(params string[] args) => AudioCheck.Run(Repository.Root, args);

    /// <summary>Passes every message on, noting the Stopwatch time at which the clock thread sent each note-on (the first 64).</summary>
    private sealed class NoteOnSink(IMidiSink inner) : IMidiSink
    {
        private readonly long[] _sentAt = new long[64];
        private int _count;

        public long FirstNoteOnAt => Interlocked.Read(ref _sentAt[0]);

        /// <summary>The send times so far, in order.</summary>
        public long[] NoteOnsAt => _sentAt[..Volatile.Read(ref _count)];

        public bool Send(ReadOnlySpan<byte> message)
        {
            if (message.Length == 3 && (message[0] & 0xF0) == 0x90 && message[2] > 0 && _count < _sentAt.Length)
            {
                var at = Stopwatch.GetTimestamp();
                var sent = inner.Send(message);
                _sentAt[_count] = at;
                Volatile.Write(ref _count, _count + 1);
                return sent;
            }
            return inner.Send(message);
        }
    }
}
