using System.Diagnostics;
using System.Text.Json;
using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// MIDI clock through a real JACK server and the real CLI: <c>--clock-out</c> (Start or Song Position Pointer
/// and Continue, 24 pulses a quarter note from the notes' own clock, Stop after the stop's note-offs and
/// CC 123s) and <c>--clock-in</c> (following an external master's Start, pulses, Stop and Continue).
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackClockTests(JackServer jack)
{
    [Fact]
    public void Clock_out_sends_Start_first_24_pulses_a_quarter_on_the_notes_clock_and_Stop_last()
    {
        const long bars = 2;
        var path = Path.Combine(Repository.Inputs, "three-track.seq"); // 120 BPM, 4/4
        using var recorder = new MidiRecorder(keepRealtime: true);
        var run = Seq("play", path, "--port", recorder.PortName, "--bars", bars.ToString(), "--clock-out", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.NotEmpty(received);

        // Start first, Stop last, exactly one of each, no Continue or Song Position Pointer from bar 0.
        Assert.Equal("FA", received[0].ToString());
        Assert.Equal("FC", received[^1].ToString());
        Assert.Single(received, m => m.Bytes[0] == 0xFA);
        Assert.Single(received, m => m.Bytes[0] == 0xFC);
        Assert.DoesNotContain(received, m => m.Bytes[0] is 0xFB or 0xF2);
        // Stop comes after every channel message, the stop's note-offs and CC 123s included.
        var lastChannel = received.ToList().FindLastIndex(m => !m.IsSystem());
        Assert.Equal(received.Count - 2, lastChannel);
        Assert.True(received[lastChannel].IsAllNotesOff(), $"the message before Stop is {received[lastChannel]}");

        // 24 pulses a quarter: 96 a bar of 4/4, a pulse at tick k*480/24 for every k below the end.
        var start = received[0].Timestamp;
        var pulses = received.Where(m => m.Bytes[0] == 0xF8).Select(m => ReceivedExtensions.Seconds(start, m.Timestamp)).ToList();
        var spacing = 60.0 / 120 / 24; // 20.833 ms
        var late = pulses.Select((t, k) => (k, error: t - k * spacing)).Where(p => Math.Abs(p.error) > Tolerances.OnTime).ToList();
        Assert.True(late.Count <= Tolerances.StalledAllowed(pulses.Count) && late.All(p => Math.Abs(p.error) <= Tolerances.Stall),
            "pulses off their ideal time: " + string.Join(", ", late.Take(10).Select(p => $"#{p.k} {p.error * 1000:0.00} ms")));
        var intervals = pulses.Zip(pulses.Skip(1), (a, b) => b - a).Order().ToList();
        var median = intervals[intervals.Count / 2];
        Assert.True(Math.Abs(median - spacing) <= Tolerances.Median, $"median pulse interval {median * 1000:0.000} ms, expected {spacing * 1000:0.000} ms");
        // No drift: the last pulse is where 191 intervals of the tempo put it.
        // (The median error of the last beat's pulses: one pulse alone may be stalled.)
        var lastBeat = pulses.Select((t, k) => t - k * spacing).TakeLast(24).Order().ToList();
        Assert.True(Math.Abs(lastBeat[lastBeat.Count / 2]) <= Tolerances.OnTime,
            $"the last beat's pulses are {lastBeat[lastBeat.Count / 2] * 1000:0.0} ms off their ideal time (median)");

        // The pulses come from the notes' clock: the notes are the renderer's, on time from Start.
        var channelMessages = received.Where(m => !m.IsSystem()).ToList();
        var (tracks, endTick, endSeconds) = Expected.Render(Expected.Compile(path), bars);
        var problems = Compare.Problems(tracks, endTick, endSeconds, channelMessages, m => ReceivedExtensions.Seconds(start, m.Timestamp), Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(channelMessages));
        // A beat's notes come after its pulse (a pulse at the same tick goes out first).
        var firstNote = received.ToList().FindIndex(m => m.IsNoteOn);
        Assert.Equal(["FA", "F8"], received.Take(firstNote).Where(m => m.IsSystem()).Select(m => m.ToString()));
        AssertPulseCount(pulses, bars, spacing);
    }

    [Fact]
    public void Clock_out_in_the_file_sends_the_clock_without_the_option()
    {
        const long bars = 1;
        var path = Repository.TempFile("clock.seq");
        File.WriteAllText(path, "title \"Clock\"\ntempo 240\nclock out\ntrack keys channel 1 {\n  play \"c4 e4 g4 c5\" legato 0.5\n}\n");
        using var recorder = new MidiRecorder(keepRealtime: true);
        var run = Seq("play", path, "--port", recorder.PortName, "--bars", bars.ToString(), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.NotEmpty(received);
        Assert.Equal("FA", received[0].ToString());
        Assert.Equal("FC", received[^1].ToString());
        Assert.Equal("B07B00", received[^2].ToString());

        var start = received[0].Timestamp;
        var spacing = 60.0 / 240 / 24; // 10.417 ms
        var pulses = received.Where(m => m.Bytes[0] == 0xF8).Select(m => ReceivedExtensions.Seconds(start, m.Timestamp)).ToList();
        var intervals = pulses.Zip(pulses.Skip(1), (a, b) => b - a).Order().ToList();
        Assert.True(Math.Abs(intervals[intervals.Count / 2] - spacing) <= Tolerances.Median, $"median pulse interval {intervals[intervals.Count / 2] * 1000:0.000} ms");
        var channelMessages = received.Where(m => !m.IsSystem()).ToList();
        var (tracks, endTick, endSeconds) = Expected.Render(Expected.Compile(path), bars);
        var problems = Compare.Problems(tracks, endTick, endSeconds, channelMessages, m => ReceivedExtensions.Seconds(start, m.Timestamp), Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        AssertPulseCount(pulses, bars, spacing);
    }

    [Fact]
    public void Clock_out_from_a_bar_sends_song_position_and_Continue_then_that_bars_music()
    {
        const long from = 9; // 9 bars of 4/4 = 144 sixteenths = 0x90: LSB 0x10, MSB 0x01 (both bytes matter)
        const long bars = 2;
        var path = Path.Combine(Repository.Inputs, "three-track-form.seq"); // 120 BPM, form loop intro 4, verse 8, chorus 8
        using var recorder = new MidiRecorder(keepRealtime: true);
        var run = Seq("play", path, "--port", recorder.PortName, "--from", from.ToString(), "--bars", bars.ToString(), "--clock-out", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.True(received.Count >= 2, $"received [{string.Join(' ', received)}]");

        Assert.Equal("F21001", received[0].ToString());
        Assert.Equal("FB", received[1].ToString());
        Assert.Equal("FC", received[^1].ToString());
        Assert.DoesNotContain(received, m => m.Bytes[0] == 0xFA);
        Assert.Single(received, m => m.Bytes[0] == 0xFB);
        Assert.Single(received, m => m.Bytes[0] == 0xF2);

        var start = received[0].Timestamp;
        var pulses = received.Where(m => m.Bytes[0] == 0xF8).Select(m => ReceivedExtensions.Seconds(start, m.Timestamp)).ToList();
        var spacing = 60.0 / 120 / 24;
        var intervals = pulses.Zip(pulses.Skip(1), (a, b) => b - a).Order().ToList();
        Assert.True(Math.Abs(intervals[intervals.Count / 2] - spacing) <= Tolerances.Median, $"median pulse interval {intervals[intervals.Count / 2] * 1000:0.000} ms");
        Assert.True(Math.Abs(pulses[0]) <= Tolerances.Stall, $"the first pulse came {pulses[0] * 1000:0.0} ms after the song position");

        // The music is that of bars 9..10 as the renderer writes them from bar 9.
        var channelMessages = received.Where(m => !m.IsSystem()).ToList();
        var piece = Expected.Compile(path);
        var (tracks, endTick, endSeconds) = Expected.Render(piece, from, bars);
        var problems = Compare.Problems(tracks, endTick, endSeconds, channelMessages, m => ReceivedExtensions.Seconds(start, m.Timestamp), Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(channelMessages));

        // And the note-ons are those `seq events --bars 9:11` lists, at its ticks counted from bar 9.
        var events = Seq("events", path, "--bars", $"{from}:{from + bars}", "--json");
        Assert.True(events.ExitCode == 0, events.Error);
        using var json = JsonDocument.Parse(events.Out);
        var notes = json.RootElement.EnumerateArray().Where(e => e.TryGetProperty("note", out _)).ToList();
        Assert.All(notes, e => Assert.Equal("verse", e.GetProperty("section").GetString()));
        var listed = notes
            .Where(e => e.TryGetProperty("note", out _))
            .Select(e => (Channel: e.GetProperty("channel").GetInt32() - 1, Note: e.GetProperty("note").GetInt32(),
                Velocity: e.GetProperty("velocity").GetInt32(), Tick: e.GetProperty("tick").GetInt64() - from * 1920))
            .OrderBy(e => e.Channel).ThenBy(e => e.Tick).ThenBy(e => e.Note).ToList();
        Assert.NotEmpty(listed);
        var arrived = channelMessages.Where(m => m.IsNoteOn)
            .Select(m => (Channel: m.Channel, Note: (int)m.Bytes[1], Velocity: (int)m.Bytes[2], Seconds: ReceivedExtensions.Seconds(start, m.Timestamp)))
            .ToList();
        var matched = arrived
            .Select(m => (m.Channel, m.Note, m.Velocity, Tick: (long)Math.Round(m.Seconds / (60.0 / 120 / 480))))
            .OrderBy(e => e.Channel).ThenBy(e => e.Tick).ThenBy(e => e.Note).ToList();
        Assert.Equal(listed.Count, matched.Count);
        var tickTolerance = (long)Math.Ceiling(Tolerances.Stall / (60.0 / 120 / 480));
        for (var i = 0; i < listed.Count; i++)
        {
            Assert.True(listed[i].Channel == matched[i].Channel && listed[i].Note == matched[i].Note && listed[i].Velocity == matched[i].Velocity
                && Math.Abs(listed[i].Tick - matched[i].Tick) <= tickTolerance, $"note-on {i}: seq events lists {listed[i]}, arrived {matched[i]}");
        }
        AssertPulseCount(pulses, bars, spacing);
    }

    [Fact]
    public void Clock_in_waits_for_Start_follows_the_masters_pulses_silences_on_Stop_and_resumes_on_Continue()
    {
        var path = Repository.TempFile("follow.seq");
        // The file says 120 BPM; the master runs at 90 BPM (a beat every 666.7 ms, not 500 ms).
        File.WriteAllText(path, "title \"Follow\"\ntempo 120\ntrack drums channel 10 {\n  kick \"x*4\"\n}\ntrack pad channel 2 {\n  play \"[c3,g3]\" legato 1\n}\n");
        const double masterBpm = 90;
        var pulse = TimeSpan.FromSeconds(60.0 / masterBpm / 24);
        using var recorder = new MidiRecorder();
        using var master = new ClockSender();
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", recorder.PortName, "--clock-in", master.ClientName]);
        WaitForStderr(seq, "waiting for the clock's Start");
        Assert.True(JackConnections.WaitForConnection(jack, master.PortName, ":clock-in", TimeSpan.FromSeconds(10)), $"seq did not connect to {master.PortName}");
        Assert.True(JackConnections.WaitForConnection(jack, recorder.PortName, ":out", TimeSpan.FromSeconds(10)), $"seq did not connect to {recorder.PortName}");

        // Pulses before Start are not a Start: nothing plays.
        var next = master.Pulses(24, Stopwatch.GetTimestamp(), pulse);
        ClockSender.WaitUntil(next);
        Thread.Sleep(300);
        Assert.True(recorder.Messages.Count == 0, $"before Start: [{string.Join(' ', recorder.Messages)}]\n{seq.ErrorSoFar}");

        // Start alone plays nothing either: the next pulse is the first beat.
        master.Send(0xFA);
        Thread.Sleep(300);
        Assert.True(recorder.Messages.Count == 0, $"after Start, before the first pulse: [{string.Join(' ', recorder.Messages)}]\n{seq.ErrorSoFar}");

        // Pulses 0..107: four and a half beats at 90 BPM; then Stop mid-beat.
        var pulseTimes = new List<long>();
        var first = Stopwatch.GetTimestamp();
        next = master.Pulses(108, first, pulse);
        pulseTimes.AddRange(master.Sent.Where(s => s.Status == 0xF8).Skip(24).Select(s => s.At));
        ClockSender.WaitUntil(next - pulse.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond / 2);
        var stopAt = master.Send(0xFC);
        var stopped = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
        Assert.Empty(Compare.Sounding(stopped));
        var stopMessages = stopped.Where(m => m.Timestamp >= stopAt).ToList();
        // A note-off for each sounding note (the pad's c3 and g3 on channel 2, the kick on channel 10), CC 123 on both channels.
        Assert.Equal(["813000", "813700", "892400", "B17B00", "B97B00"], stopMessages.Select(m => m.ToString()).Order(StringComparer.Ordinal));
        var silencedAfter = ReceivedExtensions.Seconds(stopAt, stopMessages.Max(m => m.Timestamp));
        Assert.True(silencedAfter <= Tolerances.Stall, $"the stop's last message arrived {silencedAfter * 1000:0.0} ms after the master's Stop");

        // Stopped: pulses (some masters keep sending them) move nothing.
        next = master.Pulses(36, Stopwatch.GetTimestamp(), pulse);
        ClockSender.WaitUntil(next);
        Thread.Sleep(200);
        Assert.True(recorder.Messages.Count == stopped.Count, $"while stopped: [{string.Join(' ', recorder.Messages.Skip(stopped.Count))}]");

        // Continue: the next pulse is pulse 108; four more beats to pulse 203 (beat 8 at pulse 192 is bar 2).
        master.Send(0xFB);
        var resumedFrom = master.Sent.Count;
        master.Pulses(96, Stopwatch.GetTimestamp() + pulse.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond, pulse);
        pulseTimes.AddRange(master.Sent.Skip(resumedFrom).Where(s => s.Status == 0xF8).Select(s => s.At));
        Assert.Equal(204, pulseTimes.Count);
        Thread.Sleep(100);
        seq.Interrupt();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
        Assert.Empty(Compare.Sounding(received));

        // Nothing between the stop's silence and the first pulse after Continue.
        var resumedAt = pulseTimes[108];
        Assert.DoesNotContain(received.Skip(stopped.Count), m => m.Timestamp < resumedAt);

        // The kicks: one a beat, each right after the master's pulse of that beat (pulses 0, 24, ... 192).
        var kicks = received.Where(m => m.IsNoteOn && m.Channel == 9).ToList();
        Assert.Equal(9, kicks.Count);
        var lags = kicks.Select((k, beat) => ReceivedExtensions.Seconds(pulseTimes[beat * 24], k.Timestamp)).ToList();
        Assert.True(lags.All(l => l >= 0 && l <= Tolerances.Stall) && lags.Order().ElementAt(lags.Count / 2) <= Tolerances.OnTime + JackServer.Period.TotalSeconds,
            "kick lags behind their beat's pulse: " + string.Join(", ", lags.Select(l => $"{l * 1000:0.0} ms")));
        // Beats 0..4, before the stop, at the master's tempo: 666.7 ms apart, not the file's 500 ms.
        var beat = 60.0 / masterBpm;
        var intervals = kicks.Take(5).Zip(kicks.Skip(1).Take(4), (a, b) => ReceivedExtensions.Seconds(a.Timestamp, b.Timestamp)).ToList();
        Assert.True(intervals.All(i => Math.Abs(i - beat) <= Tolerances.Stall), "kick intervals: " + string.Join(", ", intervals.Select(i => $"{i * 1000:0.0} ms")));
        var ordered = intervals.Order().ToList();
        Assert.True(Math.Abs(ordered[ordered.Count / 2] - beat) <= Tolerances.Median + 0.002, $"median kick interval {ordered[ordered.Count / 2] * 1000:0.0} ms, expected {beat * 1000:0.0} ms");
        // The pad: bar 0 at pulse 0, bar 1 at pulse 96 (ended by the Stop), bar 2 at pulse 192.
        var pads = received.Where(m => m.IsNoteOn && m.Channel == 1).ToList();
        Assert.Equal(6, pads.Count);
        Assert.All(pads, p => Assert.Contains(p.Bytes[1], new byte[] { 48, 55 }));
        foreach (var (p, bar) in pads.Select((p, i) => (p, i / 2)))
        {
            var lag = ReceivedExtensions.Seconds(pulseTimes[bar * 96], p.Timestamp);
            Assert.True(lag >= 0 && lag <= Tolerances.Stall, $"bar {bar}'s pad arrived {lag * 1000:0.0} ms after its pulse");
        }
    }

    /// <summary>
    /// 96 pulses a bar of 4/4 for <paramref name="bars"/> bars: pulses at ticks k*20 for every k with k*20 below the
    /// end; a pulse at the end tick itself would move a follower onto the next bar's downbeat just before Stop.
    /// </summary>
    private static void AssertPulseCount(List<double> pulses, long bars, double spacing)
    {
        var extra = pulses.Skip(96 * (int)bars).Select(t => $"{t * 1000:0.0} ms (tick {t / spacing * 20:0})");
        Assert.True(pulses.Count == 96 * bars,
            $"{pulses.Count} clock pulses for {bars} bars of 4/4, expected {96 * bars}; beyond pulse {96 * bars - 1}: [{string.Join(", ", extra)}], " +
            $"the end of bar {bars - 1} is at {bars * 96 * spacing * 1000:0.0} ms (tick {bars * 1920})");
    }

    private static void WaitForStderr(SeqProcess seq, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!seq.ErrorSoFar.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(seq.HasExited, $"seq exited: {seq.ErrorSoFar}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"seq did not print '{text}' within 20 s: {seq.ErrorSoFar}");
            Thread.Sleep(20);
        }
    }

    private static (int ExitCode, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
