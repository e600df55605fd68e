using System.Diagnostics;
using System.Text.Json;
using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Midi.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// <c>seq play --record</c> and <c>seq play --from</c> through a real JACK server and the real CLI: the recording
/// holds what was sent (read back with mido, compared with <c>seq render</c> of the same bars), and playing from
/// a bar plays that bar as the whole piece has it (form, harmony, seeded choices).
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackRecordAndFromTests
{
    /// <param name="jack">The shared server; the in-process CLI reaches it through <c>JACK_DEFAULT_SERVER</c>.</param>
    public JackRecordAndFromTests(JackServer jack) => ArgumentNullException.ThrowIfNull(jack);

    /// <summary>Form, generated harmony and seeded choices (random choice, degrade, prob): bar 5 depends on all that came before.</summary>
    private const string Seeded = """
        title "From"
        tempo 240
        meter 4/4
        key D dorian
        seed 11
        harmony dorian_minor every 1 bar gravity 0.4

        form {
          a 2 -> b 2 | c 1
          b 1 -> a
          c 2 -> a
        }

        track lead channel 1 {
          play "[0|1|2|3] [0 1 2 3]? <4 5> [2|4]" tones octave 4
        }

        track bass channel 2 program 33 {
          play "root ~ root root?" octave 2 legato 0.8
        }

        track drums channel 10 {
          kick "x*4"
          in b { snare "~ x ~ x" }
          in c { hat "x*8" prob 0.6 }
        }

        """;

    [Fact]
    public void Record_writes_what_was_sent_the_renderers_messages_and_ticks_then_CC_123_on_each_channel()
    {
        const long bars = 2;
        var path = Path.Combine(Repository.Inputs, "three-track.seq"); // 120 BPM: a tick is 1.04 ms
        using var recorder = new MidiRecorder();
        var recording = Repository.TempFile("recorded.mid");
        var run = Seq("play", path, "--port", recorder.PortName, "--bars", bars.ToString(), "--record", recording, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        var rendered = Repository.TempFile("rendered.mid");
        var render = Seq("render", path, "--bars", bars.ToString(), "-o", rendered);
        Assert.True(render.ExitCode == 0, render.Error);

        AssertRecordingMatchesRender(recording, rendered, bars * 1920, 120, [0, 1, 9]);
        // And the recording holds what arrived at the port, message for message.
        var recorded = ChannelMessages(IndependentMidiReader.Dump(recording));
        Assert.Equal(received.Count, recorded.Values.Sum(l => l.Count));
    }

    [Fact]
    public void From_a_bar_plays_that_bar_as_the_whole_piece_has_it_and_records_it_from_tick_0()
    {
        const long from = 5;
        const long bars = 3;
        var path = Repository.TempFile("from.seq");
        File.WriteAllText(path, Seeded);
        var piece = Expected.Compile(path);

        // Bars 5..7 are b, a, a (b has the snare): what `seq events` says of them.
        var events = Seq("events", path, "--bars", $"{from}:{from + bars}", "--json");
        Assert.True(events.ExitCode == 0, events.Error);
        using (var json = JsonDocument.Parse(events.Out))
        {
            var sections = json.RootElement.EnumerateArray().GroupBy(e => e.GetProperty("bar").GetInt64())
                .Select(g => (g.Key, g.First().GetProperty("section").GetString())).ToList();
            Assert.Equal([(5L, "b"), (6L, "a"), (7L, "a")], sections);
        }

        using var recorder = new MidiRecorder();
        var recording = Repository.TempFile("from.mid");
        var run = Seq("play", path, "--port", recorder.PortName, "--from", from.ToString(), "--bars", bars.ToString(), "--record", recording, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Assert.NotEmpty(received);

        // What arrives is the renderer's bars 5..7, on time from the first message (bar 5 at time 0).
        var (tracks, endTick, endSeconds) = Expected.Render(piece, from, bars);
        var first = received[0].Timestamp;
        double TimeOf(Received m) => (double)(m.Timestamp - first) / Stopwatch.Frequency;
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, TimeOf, Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));
        // The bass's program (33 = 0x21) goes out first on its channel, and section b's snare plays in the first bar.
        Assert.Equal("C121", received.First(m => m.Channel == 1).ToString());
        Assert.Contains(received, m => m.IsNoteOn && m.Channel == 9 && m.Bytes[1] == 38 && TimeOf(m) < 1.0);
        // Not the first bars again: --from made a difference.
        var (opening, _, _) = Expected.Render(piece, 0, bars);
        Assert.NotEqual(NoteOns(opening), NoteOns(tracks));

        // The recording starts at bar 5 = tick 0, as `seq render --from 5` does.
        var rendered = Repository.TempFile("from-rendered.mid");
        var render = Seq("render", path, "--from", from.ToString(), "--bars", bars.ToString(), "-o", rendered);
        Assert.True(render.ExitCode == 0, render.Error);
        AssertRecordingMatchesRender(recording, rendered, bars * 1920, 240, [0, 1, 9]);
    }

    /// <summary>
    /// The recording against the render of the same bars, both read with mido: per channel the same messages in the
    /// same order at the same ticks (±1 tick, a single send the machine delayed off by no more than scheduling noise),
    /// then one CC 123 at the end on each of <paramref name="channels"/>, and nothing else.
    /// </summary>
    private static void AssertRecordingMatchesRender(string recordingPath, string renderedPath, long endTick, double bpm, int[] channels)
    {
        Assert.Empty(IndependentMidiReader.Check(recordingPath, 480));
        var recordingFile = IndependentMidiReader.Dump(recordingPath);
        var renderedFile = IndependentMidiReader.Dump(renderedPath);
        Assert.Equal(480, recordingFile.TicksPerBeat);
        Assert.Equal(
            renderedFile.Tracks[0].Messages.Where(m => m.Type == "set_tempo").Select(m => m.ToString()),
            recordingFile.Tracks[0].Messages.Where(m => m.Type == "set_tempo").Select(m => m.ToString()));

        var recorded = ChannelMessages(recordingFile);
        var expected = ChannelMessages(renderedFile);
        // Sends are timed by the player itself, which a loaded machine can stall (see Tolerances); the median below is held to a tick.
        var noise = (long)Math.Ceiling(Tolerances.Stall / (60.0 / bpm / 480)) + 1;
        var differences = new List<long>();
        var problems = new List<string>();
        Assert.Equal(channels, recorded.Keys.Order());
        foreach (var channel in channels)
        {
            var have = recorded[channel];
            var want = expected.GetValueOrDefault(channel) ?? [];
            // The stop: CC 123, last, at the end.
            var last = have[^1];
            if (last is not { Type: "control_change", Control: 123, Value: 0 }) problems.Add($"channel {channel}: the last recorded message is {last}, not CC 123");
            else if (Math.Abs(last.Tick - endTick) > noise) problems.Add($"channel {channel}: CC 123 at tick {last.Tick}, the end is {endTick}");
            have = have.Take(have.Count - 1).ToList();
            if (have.Count != want.Count) problems.Add($"channel {channel}: {have.Count} messages recorded, the renderer wrote {want.Count}");
            for (var i = 0; i < Math.Min(have.Count, want.Count); i++)
            {
                if (Describe(have[i]) != Describe(want[i]))
                {
                    problems.Add($"channel {channel}: message {i} recorded as {have[i]}, the renderer wrote {want[i]}");
                    break;
                }
                differences.Add(Math.Abs(have[i].Tick - want[i].Tick));
                if (Math.Abs(have[i].Tick - want[i].Tick) > noise) problems.Add($"channel {channel}: message {i} ({want[i]}) recorded at tick {have[i].Tick}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        // Most sends are on time to the microsecond, so on the renderer's tick or the next; the median is held to
        // ±1 tick, or the existing tests' 2 ms of scheduling noise where a tick is shorter than that.
        differences.Sort();
        var median = Math.Max(1, (long)Math.Floor(0.002 / (60.0 / bpm / 480)));
        Assert.True(differences[differences.Count / 2] <= median,
            $"median tick difference {differences[differences.Count / 2]}; {differences.Count(d => d > 1)} of {differences.Count} messages more than 1 tick off");
    }

    /// <summary>Channel messages per channel (0-based), in file order, from every track.</summary>
    private static Dictionary<int, List<IndependentMidiMessage>> ChannelMessages(IndependentMidiFile file) =>
        file.Tracks.SelectMany(t => t.Messages).Where(m => m.Channel is not null)
            .GroupBy(m => m.Channel!.Value).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>A message without its tick.</summary>
    private static string Describe(IndependentMidiMessage m) => (m with { Tick = 0 }).ToString();

    private static List<string> NoteOns(IReadOnlyList<IReadOnlyList<ExpectedMessage>> tracks) =>
        tracks.SelectMany(t => t).Where(m => (m.Bytes[0] & 0xF0) == 0x90).Select(m => m.ToString()).ToList();

    private static (int ExitCode, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
