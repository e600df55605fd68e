using System.Text.RegularExpressions;
using SeqLang.Cli.Tests.Support;
using SeqLang.Midi.Tests.Support;
using SeqLang.Roll;

namespace SeqLang.Cli.Tests;

/// <summary>
/// <c>seq roll</c> (SPEC §16): one rectangle per note the rendered file plays (counted against mido's reading of
/// <c>seq render</c>'s file), the same bytes every time, the bars asked for, the sections and chords that
/// <c>seq events</c> prints, the usual exit codes, and a PNG that decodes.
/// </summary>
public sealed partial class RollCliTests
{
    [GeneratedRegex("<rect class=\"note\" ")]
    private static partial Regex NoteRect();

    [GeneratedRegex("<text class=\"(?<class>[a-z-]+)\"[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex Text();

    private static string Example(string name) => Path.Combine(Repository.Examples, name);

    private static string Roll(string input, string bars, string extension = ".svg")
    {
        var output = Path.Combine(SeqRun.TempDirectory(), "roll" + extension);
        var result = SeqRun.Run("roll", input, "-o", output, "--bars", bars);
        Assert.True(result.ExitCode == 0, $"seq roll {input} --bars {bars} exited {result.ExitCode}: {result.Error}");
        return output;
    }

    private static List<string> Texts(string svg, string cls) =>
        Text().Matches(svg).Where(m => m.Groups["class"].Value == cls).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value)).ToList();

    public static IEnumerable<object[]> EveryExample() =>
        Directory.GetFiles(Repository.Examples, "*.seq").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p), 0, 8 });

    [Theory]
    [MemberData(nameof(EveryExample))]
    [InlineData("song.seq", 0, 24)]
    [InlineData("song.seq", 10, 18)]
    [InlineData("drums-16-step.seq", 0, 4)]
    [InlineData("acid-303.seq", 2, 6)]
    public void Draws_one_note_rectangle_for_each_note_the_rendered_file_plays(string example, int from, int to)
    {
        var svg = File.ReadAllText(Roll(Example(example), $"{from}:{to}"));
        var midi = Path.Combine(SeqRun.TempDirectory(), "same.mid");
        var render = SeqRun.Run("render", Example(example), "-o", midi, "--from", $"{from}", "--bars", $"{to - from}");
        Assert.True(render.ExitCode == 0, render.Error);
        var read = IndependentMidiReader.Dump(midi);
        var notes = read.Tracks.SelectMany(t => t.Messages).Count(m => m.Type == "note_on" && m.Velocity > 0);
        Assert.True(notes > 0, $"{example} plays no notes in bars {from}:{to}: a weak case");
        Assert.Equal(notes, NoteRect().Matches(svg).Count);
        // And per track, in the legend's words.
        var perTrack = read.Tracks.Skip(1).Select(t => $"{t.Name} ({{0}}, {t.Messages.Count(m => m.Type == "note_on" && m.Velocity > 0)} notes)").ToList();
        var legend = Texts(svg, "legend-name");
        Assert.Equal(perTrack.Count, legend.Count);
        for (var i = 0; i < legend.Count; i++)
            Assert.Contains(legend[i], new[] { string.Format(perTrack[i], "drums"), string.Format(perTrack[i], "pitched") });
    }

    [Theory]
    [InlineData(".svg")]
    [InlineData(".png")]
    public void The_same_input_gives_the_same_bytes(string extension)
    {
        var first = File.ReadAllBytes(Roll(Example("song.seq"), "0:16", extension));
        var second = File.ReadAllBytes(Roll(Example("song.seq"), "0:16", extension));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Bars_limit_the_picture_to_the_bars_asked_for()
    {
        var svg = File.ReadAllText(Roll(Example("song.seq"), "2:5"));
        Assert.Equal(["2", "3", "4"], Texts(svg, "bar-number"));
        Assert.Contains("bars 2:5", Texts(svg, "subtitle").Single(), StringComparison.Ordinal);
        var alone = File.ReadAllText(Roll(Example("song.seq"), "3"));
        Assert.Equal(["0", "1", "2"], Texts(alone, "bar-number"));
        // 128 pixels a 4/4 bar after the 120-pixel gutter: three bars end at 504 (the section line closing the picture).
        Assert.Contains("x1=\"504\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_and_chords_are_those_seq_events_prints()
    {
        var svg = File.ReadAllText(Roll(Example("song.seq"), "0:24"));
        var events = SeqRun.Run("events", Example("song.seq"), "--bars", "0:24");
        Assert.Equal(0, events.ExitCode);
        var sections = new List<string>();
        var chords = new List<string>();
        foreach (var line in events.Out.Split('\n').Where(l => l.StartsWith("bar ", StringComparison.Ordinal)))
        {
            var parts = line.Split(" · ");
            var section = parts[1].Split(' ');
            if (section[1].StartsWith("1/", StringComparison.Ordinal) || sections.Count == 0) sections.Add(section[0]);
            if (parts.Length > 2) chords.AddRange(parts[2].Split(' ').Where(c => c != "~"));
        }
        Assert.Equal(["intro", "verse", "chorus", "verse"], sections);
        Assert.Equal(sections, Texts(svg, "section-name"));
        Assert.Equal(Collapse(chords), Collapse(Texts(svg, "chord-name")));
        Assert.True(Collapse(chords).Count >= 6, "a weak case: too few chord changes");
    }

    private static List<string> Collapse(List<string> names) => names.Where((n, i) => i == 0 || names[i - 1] != n).ToList();

    [Fact]
    public void A_drum_track_has_a_row_per_drum_named_and_a_pitched_track_names_its_Cs()
    {
        var svg = File.ReadAllText(Roll(Example("song.seq"), "4:12"));
        var rows = Texts(svg, "row-name");
        Assert.Contains("bass drum 1", rows);
        Assert.Contains("acoustic snare", rows);
        Assert.Contains("closed hi-hat", rows);
        Assert.Contains("C4", rows);
    }

    [Fact]
    public void A_controller_lane_is_a_thin_curve_under_its_track()
    {
        // filter-sweep.seq: the pad's cc 74 ramps and breathes; one step line, its points rising over the intro.
        var svg = File.ReadAllText(Roll(Example("filter-sweep.seq"), "0:4"));
        Assert.Equal(["cc74"], Texts(svg, "curve-name"));
        var points = Regex.Match(svg, "<polyline class=\"curve\" points=\"([^\"]+)\"").Groups[1].Value.Split(' ')
            .Select(p => p.Split(',')).Select(p => (X: int.Parse(p[0]), Y: int.Parse(p[1]))).ToList();
        Assert.True(points.Count > 20, $"only {points.Count} points");
        Assert.True(points[^1].Y < points[0].Y, "the ramp opens the filter: the line should rise (smaller y)");
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.X >= p.First.X), "a curve runs left to right");
    }

    [Fact]
    public void Default_is_the_whole_form_and_the_output_is_FILE_with_svg()
    {
        var folder = SeqRun.TempDirectory();
        var path = Path.Combine(folder, "beat.seq");
        File.WriteAllText(path, "form { a 2 -> b\n b 1 -> end }\ntrack d channel 10 { kick \"x*4\" }\n");
        var result = SeqRun.Run("roll", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"wrote {Path.Combine(folder, "beat.svg")}: bars 0:3, 1 tracks, 12 notes\n", result.Error);
        var svg = File.ReadAllText(Path.Combine(folder, "beat.svg"));
        Assert.Equal(12, NoteRect().Matches(svg).Count);
        Assert.Equal(["a", "b"], Texts(svg, "section-name"));
        Assert.Equal("", SeqRun.Run("roll", path, "-q").Error);
    }

    [Theory]
    [InlineData("5:2")]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("0:5000")]
    public void Bad_bars_are_a_usage_error(string bars)
    {
        var result = SeqRun.Run("roll", Example("song.seq"), "-o", Path.Combine(SeqRun.TempDirectory(), "r.svg"), "--bars", bars);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("seq roll: --bars", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_an_unwritable_output_and_an_unknown_format_say_so()
    {
        var missing = SeqRun.Run("roll", "/nonexistent/song.seq", "-o", Path.Combine(SeqRun.TempDirectory(), "r.svg"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("seq: cannot read '/nonexistent/song.seq': no such directory\n", missing.Error);

        var unwritable = SeqRun.Run("roll", Example("song.seq"), "-o", "/nonexistent/dir/r.svg", "--bars", "2");
        Assert.Equal(3, unwritable.ExitCode);
        Assert.StartsWith("seq: cannot write '/nonexistent/dir/r.svg':", unwritable.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("/nonexistent/dir/r.svg"));

        var format = SeqRun.Run("roll", Example("song.seq"), "-o", "r.jpg");
        Assert.Equal(2, format.ExitCode);
        Assert.Equal("seq roll: cannot tell the picture's format from 'r.jpg': name it .svg or .png\n", format.Error);
    }

    [Fact]
    public void A_file_with_errors_gives_its_diagnostics_and_exit_code_1()
    {
        var folder = SeqRun.TempDirectory();
        var path = Path.Combine(folder, "bad.seq");
        File.WriteAllText(path, "track d channel 10 { kick \"x*4\" }\ntrack d channel 10 { snare \"x\" }\n");
        var result = SeqRun.Run("roll", path, "-o", Path.Combine(folder, "bad.svg"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.seq:2:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "bad.svg")));
    }

    [Fact]
    public void The_PNG_has_the_SVG_s_size_and_the_tracks_colours_where_the_notes_are()
    {
        var svg = File.ReadAllText(Roll(Example("song.seq"), "0:8"));
        var png = PngImage.Read(File.ReadAllBytes(Roll(Example("song.seq"), "0:8", ".png")));
        var size = Regex.Match(svg, "<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"");
        Assert.Equal(int.Parse(size.Groups[1].Value), png.Width);
        Assert.Equal(int.Parse(size.Groups[2].Value), png.Height);
        // Every note's rectangle of the SVG has its track's colour at its first pixel column in the PNG.
        foreach (Match note in Regex.Matches(svg, "<rect class=\"note\" x=\"(\\d+)\" y=\"(\\d+)\"[^>]*stroke=\"#([0-9a-f]{6})\""))
        {
            var colour = Convert.ToInt32(note.Groups[3].Value, 16);
            var (r, g, b) = png.Pixel(int.Parse(note.Groups[1].Value), int.Parse(note.Groups[2].Value));
            Assert.Equal(colour, r << 16 | g << 8 | b);
        }
    }
}

/// <summary>
/// The README's picture, docs/images/demo-roll.svg, is what <c>seq roll examples/song.seq --bars 0:16</c> draws today;
/// <c>SEQ_ACCEPT_SNAPSHOTS=1</c> rewrites it, as for the snapshots in Snapshots/.
/// </summary>
public sealed class RollDemoImageTests
{
    [Fact]
    public void The_READMEs_roll_picture_is_up_to_date()
    {
        var image = Path.Combine(Repository.Root, "docs", "images", "demo-roll.svg");
        var fresh = Path.Combine(SeqRun.TempDirectory(), "demo-roll.svg");
        var result = SeqRun.Run("roll", Path.Combine(Repository.Examples, "song.seq"), "-o", fresh, "--bars", "0:16");
        Assert.True(result.ExitCode == 0, result.Error);
        var expected = File.Exists(image) ? File.ReadAllText(image) : null;
        var actual = File.ReadAllText(fresh);
        if (expected == actual) return;
        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(image)!);
            File.Copy(fresh, image, overwrite: true);
            return;
        }
        Assert.Fail($"{image} is not what seq roll draws now: run the tests with {Snapshot.AcceptVariable}=1 (or seq roll examples/song.seq -o docs/images/demo-roll.svg --bars 0:16) and commit it");
    }
}
