using System.Text.Json;
using SeqLang.Cli.Tests.Support;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// Control lanes through the command line (SPEC §13, §8): <c>seq events</c> shows a file's bend and touch lanes beside
/// its controllers, and <c>seq render</c> writes them as a third-party reader (mido) sees them: the bend range (RPN 0)
/// first, wheel positions, channel pressure, the stepped controller's changes, and the centring at the end.
/// </summary>
public class ControlLaneCliTests
{
    // A 12-semitone range: "0 12 -12" is centre, full up (8192 + 8192 clamps to 16383), full down.
    private const string Source = "track t channel 1 bend 12 {\n  bend \"0 12 -12\"\n  touch \"0 127\"\n  cc 74 saw 0..127 step 1/4\n}\n";

    private static string Write()
    {
        var path = Path.Combine(SeqRun.TempDirectory(), "lanes.seq");
        File.WriteAllText(path, Source);
        return path;
    }

    [Fact]
    public void Events_prints_each_bend_touch_and_cc_event_with_its_value()
    {
        var result = SeqRun.Run("events", Write(), "--bars", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
        [
            "bar 0 · main",
            "0 t.bend ch 1 bend = 8192 len 0",
            "1/3 t.bend ch 1 bend = 16383 len 0",
            "2/3 t.bend ch 1 bend = 0 len 0",
            "0 t.touch ch 1 touch = 0 len 0",
            "1/2 t.touch ch 1 touch = 127 len 0",
            "0 t.cc74 ch 1 cc 74 = 0 len 0",
            "1/4 t.cc74 ch 1 cc 74 = 32 len 0",
            "1/2 t.cc74 ch 1 cc 74 = 64 len 0",
            "3/4 t.cc74 ch 1 cc 74 = 95 len 0",
        ], lines);
    }

    [Fact]
    public void Events_json_gives_bend_and_pressure_their_own_fields_at_their_ticks()
    {
        var result = SeqRun.Run("events", Write(), "--bars", "1", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var events = json.RootElement.EnumerateArray().ToList();
        Assert.All(events, e => Assert.Equal(1, e.GetProperty("channel").GetInt32()));
        static string Of(JsonElement e, string field) => $"{e.GetProperty("begin").GetString()} {e.GetProperty("tick").GetInt64()} {e.GetProperty(field).GetInt32()}";
        Assert.Equal(["0 0 8192", "1/3 640 16383", "2/3 1280 0"],
            events.Where(e => e.GetProperty("lane").GetString() == "bend").Select(e => Of(e, "bend")));
        Assert.Equal(["0 0 0", "1/2 960 127"],
            events.Where(e => e.GetProperty("lane").GetString() == "touch").Select(e => Of(e, "pressure")));
        var cc = events.Where(e => e.GetProperty("lane").GetString() == "cc74").ToList();
        Assert.All(cc, e => Assert.Equal(74, e.GetProperty("controller").GetInt32()));
        Assert.Equal(["0 0 0", "1/4 480 32", "1/2 960 64", "3/4 1440 95"], cc.Select(e => Of(e, "value")));
        // A bend is not a controller value, nor a pressure a bend: each kind names its own field.
        Assert.All(events.Where(e => e.GetProperty("lane").GetString() != "cc74"), e => Assert.False(e.TryGetProperty("controller", out _)));
    }

    [Fact]
    public void Render_read_by_mido_has_the_bend_range_first_then_bends_pressure_and_a_centring_bend_at_the_end()
    {
        var path = Write();
        var midi = Path.Combine(Path.GetDirectoryName(path)!, "lanes.mid");
        var result = SeqRun.Run("render", path, "--bars", "2", "-o", midi);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(IndependentMidiReader.Check(midi, 480));
        var track = IndependentMidiReader.Dump(midi).Tracks.Single(t => t.Name == "t");
        var messages = track.Messages.Where(m => m.Channel is not null).Select(m =>
        {
            Assert.Equal(0, m.Channel);
            return m.Type switch
            {
                "control_change" => $"{m.Tick} cc {m.Control} {m.Value}",
                "pitchwheel" => $"{m.Tick} bend {m.Pitch}", // mido's pitch is the 14-bit value − 8192
                "aftertouch" => $"{m.Tick} touch {m.Value}",
                _ => $"{m.Tick} {m}",
            };
        }).ToList();
        string[] bar(long at) =>
        [
            // SPEC §7/§13 at one tick: other controllers, then pitch bend, then pressure.
            $"{at} cc 74 0", $"{at} bend 0", $"{at} touch 0",
            $"{at + 480} cc 74 32",
            $"{at + 640} bend 8191",
            $"{at + 960} cc 74 64", $"{at + 960} touch 127",
            $"{at + 1280} bend -8192",
            $"{at + 1440} cc 74 95",
        ];
        string[] expected =
        [
            // RPN 0 = 12 semitones, then the null RPN, before anything else at tick 0.
            "0 cc 101 0", "0 cc 100 0", "0 cc 6 12", "0 cc 38 0", "0 cc 101 127", "0 cc 100 127",
            .. bar(0),
            .. bar(1920),
            // The lane ends bent fully down: the end of the piece puts the wheel back to the centre.
            "3840 bend 0",
        ];
        Assert.Equal(expected, messages);
        Assert.Equal(("end_of_track", 3840L), (track.Messages[^1].Type, track.Messages[^1].Tick));
    }

    [Fact]
    public void The_native_program_prints_and_renders_the_lanes_as_the_in_process_build_does()
    {
        var path = Write();
        var folder = Path.GetDirectoryName(path)!;
        var inProcess = Path.Combine(folder, "in-process.mid");
        var native = Path.Combine(folder, "native.mid");
        var a = SeqRun.InProcess("render", path, "--bars", "4", "-o", inProcess);
        var b = SeqRun.Native("render", path, "--bars", "4", "-o", native);
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);
        Assert.Equal(File.ReadAllBytes(inProcess), File.ReadAllBytes(native));
        foreach (var json in new[] { Array.Empty<string>(), ["--json"] })
        {
            string[] args = ["events", path, "--bars", "2", .. json];
            Assert.Equal(SeqRun.InProcess(args), SeqRun.Native(args));
        }
    }
}
