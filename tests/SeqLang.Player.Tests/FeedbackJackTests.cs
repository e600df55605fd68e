using System.Diagnostics;
using SeqLang.Player.RtMidi;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Controller feedback through a real JACK server (docs/live-control.md, "Feedback"): the real <c>seq play</c>
/// lights the pads of a second recorder, the "controller", named by the file's <c>feedback</c> lines, while a
/// first recorder gets the music. The pads are read as a controller would show them: each note's last velocity.
/// Tempo 120 in 4/4: a bar is two seconds, and the lane's eight steps are a quarter of a second each.
/// Times are only compared with musical tolerances (a step is 250 ms; JACK periods and a shared machine add
/// jitter of a few milliseconds).
/// </summary>
[Collection(JackCollection.Name)]
public sealed class FeedbackJackTests(JackServer jack)
{
    private const int Off = 5;       // not 0: the stop must send the configured `off`, not a hard-coded dark
    private const int On = 100;
    private const int Playhead = 50;
    private const int MuteOn = 127;
    private const int MuteOff = 0;
    private const int FirstPad = 48;
    private const int MutePad = 36;
    private const double Step = 0.25;

    /// <summary>
    /// A mute takes effect at the first sixteenth at least 30 ms after the press (a new version, ordered without
    /// the lane): at most 30 ms and a sixteenth (half a step here) later, plus a period for the note to arrive.
    /// </summary>
    private const double MuteTakesEffect = 0.03 + Step / 2 + 0.02;

    /// <summary>
    /// How far apart a step's kick and its playhead may arrive: they leave the clock thread at the same instant
    /// through two JACK clients, and on a busy two-core machine one client's period can come late (38 ms seen), or
    /// the whole machine stall (see Tolerances: 84 ms seen). Still under half a step: the light belongs to that step.
    /// </summary>
    private const double Together = 0.1;

    /// <summary>
    /// How soon a change (a mute) shows: it wakes the clock thread, which sends the whole state at once (a few
    /// milliseconds seen); generous for a JACK period, the controller's message on its way in, and a busy machine.
    /// </summary>
    private const double React = 0.05;

    /// <summary>"x x ~ x ~ ~ x ~": which steps play (irregular, so a pad shifted by one shows).</summary>
    private static readonly bool[] Pattern = [true, true, false, true, false, false, true, false];

    private static readonly int[] Pads = [MutePad, .. Enumerable.Range(FirstPad, 8)];

    private sealed class Controller : IDisposable
    {
        private readonly MidiOutput _output;
        private static int _count;

        public Controller()
        {
            Name = $"fbpads{Environment.ProcessId}x{Interlocked.Increment(ref _count)}";
            _output = MidiOutput.Create(MidiApi.Jack, Name);
            _output.OpenVirtual(Name);
        }

        public string Name { get; }

        public void Send(params byte[] message) => Assert.True(_output.Send(message));

        public void Dispose() => _output.Dispose();
    }

    private static string Write(string text)
    {
        var path = Repository.TempFile("feedback.seq");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The piece: one flat kick lane of eight steps, its steps on pads 48..55 and its mute on pad 36 of <paramref name="port"/>.</summary>
    private static string Piece(string port, string? map = null, string? more = null) =>
        "tempo 120\n" + (map is null ? "" : map + "\n") +
        $"feedback \"{port}\" steps drums.kick notes 48..55 channel 1 off {Off} on {On} playhead {Playhead}\n" +
        $"feedback \"{port}\" mute drums.kick note 36 on {MuteOn} off {MuteOff}\n" +
        "track drums channel 10 {\n  kick \"x x ~ x ~ ~ x ~\"\n" + (more is null ? "" : $"  {more}\n") + "}\n";

    private static int StateOf(int pad) => Pattern[pad - FirstPad] ? On : Off;

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    private static long After(long at, double seconds) => at + (long)(seconds * Stopwatch.Frequency);

    /// <summary>Every message with its time from <paramref name="origin"/>, for failure messages.</summary>
    private static string Describe(IEnumerable<Received> messages, long origin) =>
        string.Join("\n", messages.Select(m => $"  {Seconds(origin, m.Timestamp) * 1000,9:0.0} ms  {m}"));

    /// <summary>The pads as the controller shows them at <paramref name="at"/>: each note's last velocity.</summary>
    private static Dictionary<int, int> LedsAt(IReadOnlyList<Received> feedback, long at)
    {
        var leds = new Dictionary<int, int>();
        foreach (var m in feedback.Where(m => m.Timestamp <= at)) leds[m.Bytes[1]] = m.Bytes[2];
        return leds;
    }

    /// <summary>
    /// Checks the lights at <paramref name="at"/>: pad <paramref name="playheadPad"/> (if any) lit <c>playhead</c>,
    /// every other step pad its step's state, the mute pad <paramref name="mute"/>.
    /// </summary>
    private static void AssertLeds(IReadOnlyList<Received> feedback, long at, int? playheadPad, int mute, long origin, string when, string context)
    {
        var leds = LedsAt(feedback, at);
        var wrong = new List<string>();
        foreach (var pad in Pads)
        {
            var want = pad == MutePad ? mute : pad == playheadPad ? Playhead : StateOf(pad);
            if (!leds.TryGetValue(pad, out var have)) wrong.Add($"pad {pad} never sent (want {want})");
            else if (have != want) wrong.Add($"pad {pad} shows {have}, want {want}");
        }
        Assert.True(wrong.Count == 0,
            $"{when} ({Seconds(origin, at) * 1000:0.0} ms): {string.Join("; ", wrong)}{context}");
    }

    /// <summary>Every feedback message is a Note On on channel 1 for one of the feedback pads.</summary>
    private static void AssertOnlyPadNoteOns(IReadOnlyList<Received> feedback, long origin)
    {
        var bad = feedback.Where(m => m.Bytes.Length != 3 || m.Bytes[0] != 0x90 || !Pads.Contains(m.Bytes[1])).ToList();
        Assert.True(bad.Count == 0, $"not a Note On for a feedback pad on channel 1: {string.Join(' ', bad)}\nfeedback received:\n{Describe(feedback, origin)}");
    }

    /// <summary>
    /// Where the playhead went: each message lighting a pad <c>playhead</c>, leaving out a pad lit again while it
    /// already shows it (a refresh sends every pad, the one under the playhead included).
    /// </summary>
    private static List<Received> Playheads(IReadOnlyList<Received> feedback)
    {
        var moves = new List<Received>();
        var leds = new Dictionary<int, int>();
        foreach (var m in feedback)
        {
            var was = leds.GetValueOrDefault(m.Bytes[1], -1);
            leds[m.Bytes[1]] = m.Bytes[2];
            if (m.Bytes[2] == Playhead && was != Playhead) moves.Add(m);
        }
        return moves;
    }

    /// <summary>After the last message every pad shows its <c>off</c>.</summary>
    private static void AssertAllOff(IReadOnlyList<Received> feedback, string context)
    {
        var end = LedsAt(feedback, long.MaxValue);
        var lit = Pads.Where(pad => end.GetValueOrDefault(pad, -1) != (pad == MutePad ? MuteOff : Off)).Select(pad => $"pad {pad} shows {end.GetValueOrDefault(pad, -1)}").ToList();
        Assert.True(lit.Count == 0, $"after the stop: {string.Join("; ", lit)}{context}");
    }

    [Fact]
    public void Pads_show_the_steps_at_start_follow_the_playhead_with_the_kicks_and_go_off_at_the_end()
    {
        using var music = new MidiRecorder();
        using var controller = new MidiRecorder();
        var path = Write(Piece(controller.PortName));
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", music.PortName, "--bars", "2"]);
        var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"seq exited with {result.ExitCode}; it said:\n{result.Error}\n{result.Out}");
        var feedback = controller.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        var sent = music.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.True(feedback.Count > 0, $"nothing arrived at the feedback port {controller.PortName}; seq said:\n{result.Error}");
        var origin = feedback[0].Timestamp;
        var context = $"\nfeedback received:\n{Describe(feedback, origin)}\nmusic received:\n{Describe(sent, origin)}\nseq said:\n{result.Error}";
        AssertOnlyPadNoteOns(feedback, origin);
        Assert.Null(controller.Fault);

        // The playhead: two bars of eight steps, pad after pad, a step (250 ms) apart.
        var heads = Playheads(feedback);
        int[] order = [.. Enumerable.Range(0, 16).Select(k => FirstPad + k % 8)];
        Assert.True(order.SequenceEqual(heads.Select(m => (int)m.Bytes[1])),
            $"playhead pads [{string.Join(' ', heads.Select(m => m.Bytes[1]))}], want [{string.Join(' ', order)}]{context}");
        var gaps = heads.Zip(heads.Skip(1), (a, b) => Seconds(a.Timestamp, b.Timestamp)).ToList();
        Assert.True(gaps.All(g => Math.Abs(g - Step) <= Together),
            $"gaps between playhead steps (ms): {string.Join(", ", gaps.Select(g => (g * 1000).ToString("0.0")))}{context}");

        // At start, by the time the first step is lit, every pad has been sent: each step's state, the mute pad off.
        AssertLeds(feedback, heads[0].Timestamp, FirstPad, MuteOff, origin, "the first step", context);

        // Mid-step, the controller shows every step's state, the playhead on its pad, the lane not muted: from
        // the first step to the last (the pad left behind was sent back).
        for (var k = 0; k < heads.Count; k++)
            AssertLeds(feedback, After(heads[k].Timestamp, Step / 2), FirstPad + k % 8, MuteOff, origin, $"mid-step {k}", context);

        // A step that plays lights its pad with its kick; each kick has its step's playhead.
        var kicks = sent.Where(m => m.IsNoteOn && m.Channel == 9 && m.Bytes[1] == 36).ToList();
        Assert.True(kicks.Count == 8, $"{kicks.Count} kicks arrived, want 8 (4 a bar){context}");
        for (var k = 0; k < heads.Count; k++)
        {
            if (!Pattern[k % 8]) continue;
            var head = heads[k];
            var nearest = kicks.Min(kick => Math.Abs(Seconds(head.Timestamp, kick.Timestamp)));
            Assert.True(nearest <= Together, $"step {k} (pad {head.Bytes[1]}) lit {nearest * 1000:0.0} ms from the nearest kick{context}");
        }
        foreach (var kick in kicks)
        {
            Assert.True(heads.Any(h => Pattern[h.Bytes[1] - FirstPad] && Math.Abs(Seconds(h.Timestamp, kick.Timestamp)) <= Together),
                $"no playhead of a step that plays within {Together * 1000} ms of the kick at {Seconds(origin, kick.Timestamp) * 1000:0.0} ms{context}");
        }

        // The end: every pad sent `off` with the music's stop (its CC 123), after the last step's middle.
        var stop = sent.LastOrDefault(m => m.IsAllNotesOff());
        Assert.True(stop is not null, $"the music's stop (CC 123) did not arrive{context}");
        var tail = feedback.Where(m => m.Timestamp > After(heads[^1].Timestamp, Step / 2)).ToList();
        foreach (var pad in Pads)
        {
            var off = pad == MutePad ? MuteOff : Off;
            var last = tail.LastOrDefault(m => m.Bytes[1] == pad);
            Assert.True(last is not null && last.Bytes[2] == off,
                $"at the end pad {pad} was {(last is null ? "not sent" : $"sent {last.Bytes[2]}")}, want {off}{context}");
            var fromStop = Seconds(stop!.Timestamp, last!.Timestamp);
            Assert.True(Math.Abs(fromStop) <= 0.05, $"pad {pad} went off {fromStop * 1000:0.0} ms from the music's stop{context}");
        }
        AssertAllOff(feedback, context);
    }

    /// <summary>
    /// Plays the piece with <paramref name="map"/> for <paramref name="bars"/> bars and presses pad <paramref name="note"/>
    /// (on, then off) in the middle of bar 1's third step and of bar 2's third step; returns what both ports received,
    /// the first note's time, the two presses' times and a failure context listing everything.
    /// </summary>
    private (IReadOnlyList<Received> Feedback, IReadOnlyList<Received> Sent, long Origin, long First, long Second, string Context) PlayPressingTwice(
        string map, string? more, byte note, int bars, string firstWhat, string secondWhat)
    {
        using var music = new MidiRecorder();
        using var controller = new MidiRecorder();
        using var pads = new Controller();
        var path = Write(Piece(controller.PortName, map, more));
        using var seq = SeqProcess.Start(jack, ["play", path, "--port", music.PortName, "--input", pads.Name, "--bars", bars.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var first = music.WaitFor(m => m.Any(x => x.IsNoteOn), TimeSpan.FromSeconds(20));
        Assert.True(first.Any(x => x.IsNoteOn), $"nothing played: {seq.ErrorSoFar}");
        var origin = first.First(x => x.IsNoteOn).Timestamp;

        var presses = new long[2];
        for (var i = 0; i < 2; i++)
        {
            ClockSender.WaitUntil(After(origin, (8 * (i + 1) + 2.5) * Step));
            presses[i] = Stopwatch.GetTimestamp();
            pads.Send(0x90, note, 100);
            pads.Send(0x80, note, 0);
        }

        var result = seq.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"seq exited with {result.ExitCode}; it said:\n{result.Error}\n{result.Out}");
        var feedback = controller.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        var sent = music.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.True(feedback.Count > 0, $"nothing arrived at the feedback port {controller.PortName}; seq said:\n{result.Error}");
        AssertOnlyPadNoteOns(feedback, origin);
        var context = $"\n{firstWhat} at {Seconds(origin, presses[0]) * 1000:0.0} ms, {secondWhat} at {Seconds(origin, presses[1]) * 1000:0.0} ms\nfeedback received:\n{Describe(feedback, origin)}" +
            $"\nmusic received:\n{Describe(sent, origin)}\nseq said:\n{result.Error}";
        return (feedback, sent, origin, presses[0], presses[1], context);
    }

    [Fact]
    public void A_mute_pad_lights_while_the_lane_is_muted_and_no_pad_shows_the_playhead_meanwhile()
    {
        // Mute in the middle of bar 1's third step, unmute in the middle of bar 2's third step.
        var (feedback, sent, origin, muted, unmuted, context) = PlayPressingTwice("map note 60 -> mute drums.kick", null, 60, bars: 4, "muted", "unmuted");

        // The music itself is muted in between, from the switch on.
        var kicks = sent.Where(m => m.IsNoteOn && m.Channel == 9 && m.Bytes[1] == 36).ToList();
        Assert.DoesNotContain(kicks, m => m.Timestamp > After(muted, MuteTakesEffect) && m.Timestamp < unmuted);

        // The mute pad: lit right after the press (not at the next step), dark again right after the second press.
        var lit = feedback.FirstOrDefault(m => m.Bytes[1] == MutePad && m.Bytes[2] == MuteOn && m.Timestamp > muted);
        Assert.True(lit is not null && Seconds(muted, lit.Timestamp) <= React, $"the mute pad did not light within {React * 1000} ms of the mute{context}");
        var dark = feedback.FirstOrDefault(m => m.Bytes[1] == MutePad && m.Bytes[2] == MuteOff && m.Timestamp > unmuted);
        Assert.True(dark is not null && Seconds(unmuted, dark.Timestamp) <= React, $"the mute pad did not go dark within {React * 1000} ms of the unmute{context}");

        // Before the mute: the playhead pad after pad from the start.
        var heads = Playheads(feedback);
        var before = heads.Where(m => m.Timestamp < muted).ToList();
        Assert.True(before.Count >= 8, $"{before.Count} playhead steps before the mute{context}");
        Assert.True(before.Select((m, k) => m.Bytes[1] == FirstPad + k % 8).All(x => x), $"playhead pads before the mute: [{string.Join(' ', before.Select(m => m.Bytes[1]))}]{context}");
        var grid = before[0].Timestamp;

        // While muted: no playhead (the pad under it goes back to its state with the mute), every step pad its
        // state, the mute pad on.
        var settled = After(muted, React);
        Assert.True(!heads.Any(m => m.Timestamp > settled && m.Timestamp < unmuted),
            $"playhead sent while the lane was muted: {string.Join(' ', heads.Where(m => m.Timestamp > settled && m.Timestamp < unmuted))}{context}");
        for (var at = settled; at < unmuted; at = After(at, Step))
            AssertLeds(feedback, at, null, MuteOn, origin, "muted", context);

        // After the unmute: the playhead on every step again, on the step's pad, on the beat of the start.
        var again = heads.Where(m => m.Timestamp > After(unmuted, Step + 0.05)).ToList();
        var steps = again.Select(m => (int)Math.Round(Seconds(grid, m.Timestamp) / Step)).ToList();
        Assert.True(again.Count > 0, $"no playhead after the unmute{context}");
        Assert.True(steps.SequenceEqual(Enumerable.Range(steps[0], steps.Count)) && steps[^1] == 4 * 8 - 1,
            $"playhead steps after the unmute [{string.Join(' ', steps)}], want consecutive to {4 * 8 - 1}{context}");
        Assert.True(Seconds(After(unmuted, Step + 0.05), again[0].Timestamp) <= Step + Together, $"the first playhead after the unmute came late{context}");
        for (var i = 0; i < again.Count; i++)
        {
            var off = Seconds(grid, again[i].Timestamp) - steps[i] * Step;
            Assert.True(Math.Abs(off) <= Together, $"playhead of step {steps[i]} {off * 1000:0.0} ms off the beat{context}");
            Assert.True(again[i].Bytes[1] == FirstPad + steps[i] % 8, $"step {steps[i]} lit pad {again[i].Bytes[1]}{context}");
            AssertLeds(feedback, After(again[i].Timestamp, Step / 2), FirstPad + steps[i] % 8, MuteOff, origin, $"mid-step {steps[i]}, unmuted", context);
        }

        // The end: every pad off.
        AssertAllOff(feedback, context);
    }

    [Fact]
    public void Muting_another_lane_mid_step_leaves_the_playhead_on_the_pad_of_the_step_playing()
    {
        // The hat muted in the middle of bar 1's third step, unmuted in the middle of bar 2's third step.
        var (feedback, sent, origin, muted, unmuted, context) = PlayPressingTwice("map note 61 -> mute drums.hat", "hat \"x*8\"", 61, bars: 3, "hat muted", "unmuted");

        // The press reached the player: the hats stop in between.
        var hats = sent.Where(m => m.IsNoteOn && m.Channel == 9 && m.Bytes[1] == 42).ToList();
        Assert.DoesNotContain(hats, m => m.Timestamp > After(muted, MuteTakesEffect) && m.Timestamp < unmuted);
        Assert.Contains(hats, m => m.Timestamp > After(unmuted, MuteTakesEffect));

        // The kick plays throughout: its playhead goes over every step of the three bars, pad after pad.
        var heads = Playheads(feedback);
        int[] order = [.. Enumerable.Range(0, 24).Select(k => FirstPad + k % 8)];
        Assert.True(order.SequenceEqual(heads.Select(m => (int)m.Bytes[1])),
            $"playhead pads [{string.Join(' ', heads.Select(m => m.Bytes[1]))}], want [{string.Join(' ', order)}]{context}");

        // Whatever the player sends when the hat's mute changes, the kick's pads keep showing the step playing,
        // up to the end of that step (checked just before the next step's playhead).
        foreach (var (press, what) in new[] { (muted, "hat muted"), (unmuted, "hat unmuted") })
        {
            var next = heads.FindIndex(m => m.Timestamp > press);
            Assert.True(next > 0, $"no playhead after the press ({what}){context}");
            var before = After(heads[next].Timestamp, -0.01);
            Assert.True(Seconds(press, before) >= 0.04, $"the press ({what}) came too close to the step boundary to tell{context}");
            AssertLeds(feedback, before, FirstPad + (next - 1) % 8, MuteOff, origin, $"just before step {next}, after the press ({what})", context);
        }
        // And early in every step (before the presses, which come in the middle of theirs).
        for (var k = 0; k < heads.Count; k++)
            AssertLeds(feedback, After(heads[k].Timestamp, Step / 4), FirstPad + k % 8, MuteOff, origin, $"early in step {k}", context);
    }
}
