using SeqLang.Cli.Tests.Support;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// <c>seq freeze</c> (SPEC §15): the string it prints, pasted in place of the generator (and the modifiers its
/// comment says the string holds), renders the same notes (tick, pitch, channel, as mido reads <c>seq render</c>'s
/// file) over the frozen bars, for every generator kind; plus the strings themselves and the errors.
/// </summary>
public sealed class FreezeCliTests
{
    private const string Head = """
        tempo 120
        key C minor
        seed 7
        markov bass { c2 -> eb2 2 | g2 1  eb2 -> f2 | c2  f2 -> g2  g2 -> c2 3 | bb1 1  bb1 -> c2 }
        lsystem fib { axiom "bd"  bd -> "bd sd"  sd -> "bd" }
        lsystem cantor { axiom "hh"  hh -> "hh ~ hh"  "~" -> "~ ~ ~" }
        track other channel 3 { play "c5 ~ e5 ~" }

        """;

    /// <summary>(the track with the lane as written, the lane to freeze, the track with FROZEN where the string goes, bars).</summary>
    public static IEnumerable<object[]> Generators() =>
    [
        ["track drums channel 10 {\n  kick bresenham 5 16\n}", "drums.kick", "track drums channel 10 {\n  kick FROZEN\n}", "0:4"],
        ["track drums channel 10 {\n  perc weights { lt 0.3 mt 0.2 ht 0.15 } steps 12 vel 90\n}", "drums.perc", "track drums channel 10 {\n  perc FROZEN vel 90\n}", "0:4"],
        ["track drums channel 10 {\n  hh cellular 30 width 16 from random 0.4 vel rand 60..100\n}", "drums.hh", "track drums channel 10 {\n  hh FROZEN vel rand 60..100\n}", "2:7"],
        ["track drums channel 10 {\n  rim cellular 110 width 12\n}", "drums.rim", "track drums channel 10 {\n  rim FROZEN\n}", "0:6"],
        ["track drums channel 10 {\n  beat lsystem fib gen 5\n}", "drums.beat", "track drums channel 10 {\n  beat FROZEN\n}", "1:5"],
        ["track drums channel 10 {\n  shimmer lsystem cantor gen 3 step 1/32 vel 70\n}", "drums.shimmer", "track drums channel 10 {\n  shimmer FROZEN vel 70\n}", "0:3"],
        ["track bass channel 2 {\n  play \"x*8\" n markov bass legato 0.8 vel walk 70..110 step 8\n}", "bass.play", "track bass channel 2 {\n  play FROZEN legato 0.8 vel walk 70..110 step 8\n}", "1:5"],
        ["track lead channel 1 {\n  play \"x ~ x x ~ x ~ x\" n walk 0..9 step 2 degrees octave 5\n}", "lead.play", "track lead channel 1 {\n  play FROZEN\n}", "0:4"],
        ["track lead channel 1 {\n  play \"x*4\" n logistic 3.9 48..72 vel logistic 3.7 60..110\n}", "lead.play", "track lead channel 1 {\n  play FROZEN vel logistic 3.7 60..110\n}", "0:4"],
        ["harmony aeolian_minor every 1 bar\ntrack lead channel 1 {\n  play \"x ~ x x [x x] ~ x ~\" n melody range a3..e5 nir 1 legato 0.9\n}", "lead.play", "harmony aeolian_minor every 1 bar\ntrack lead channel 1 {\n  play FROZEN legato 0.9\n}", "0:8"],
        ["track lead channel 1 {\n  arp bresenham 5 16 n \"<c2 eb2 g1 bb1>\" fast 2 chan 5 legato 0.7\n}", "lead.arp", "track lead channel 1 {\n  arp FROZEN chan 5 legato 0.7\n}", "3:9"],
        ["track keys channel 1 {\n  play bresenham 3 8 n \"<c4'maj e4'm7>\" transpose 2\n}", "keys.play", "track keys channel 1 {\n  play FROZEN\n}", "0:4"],
        // The feel (swing, humanize, groove, strum) stays on the lane: the string is frozen without it.
        ["track keys channel 1 {\n  sw \"c4*16\" swing 58 n walk 60..72\n}", "keys.sw", "track keys channel 1 {\n  sw FROZEN swing 58\n}", "0:2"],
        ["track keys channel 1 {\n  hu bresenham 5 8 n walk 60..72 humanize 15 vel 80\n}", "keys.hu", "track keys channel 1 {\n  hu FROZEN humanize 15 vel 80\n}", "1:3"],
        ["track keys channel 1 {\n  st \"x ~ x ~\" n \"<c4'maj e4'm7>\" strum 1/48\n}", "keys.st", "track keys channel 1 {\n  st FROZEN strum 1/48\n}", "0:2"],
        ["groove push grid 16 { shift \"0 0.12 0 0.08\" vel \"1 0.6 0.85 0.55\" }\ntrack drums channel 10 {\n  hh cellular 30 width 16 from random 0.5 groove push amount 0.8\n}", "drums.hh",
            "groove push grid 16 { shift \"0 0.12 0 0.08\" vel \"1 0.6 0.85 0.55\" }\ntrack drums channel 10 {\n  hh FROZEN groove push amount 0.8\n}", "0:4"],
        // Sevenths against elevenths: a grid of 154 steps, written with @.
        ["track keys channel 1 {\n  play \"c4*7 e4*11\" n walk 60..72\n}", "keys.play", "track keys channel 1 {\n  play FROZEN\n}", "0:2"],
    ];

    [Theory]
    [MemberData(nameof(Generators))]
    public void The_frozen_string_pasted_in_place_of_the_generator_renders_the_same_notes(string original, string lane, string pasted, string bars)
    {
        var folder = SeqRun.TempDirectory();
        var source = Path.Combine(folder, "original.seq");
        File.WriteAllText(source, Head + original + "\n");
        var frozen = Freeze(source, lane, bars);
        var copy = Path.Combine(folder, "pasted.seq");
        File.WriteAllText(copy, Head + pasted.Replace("FROZEN", frozen[0], StringComparison.Ordinal) + "\n");

        var split = bars.Split(':');
        var (from, to) = (long.Parse(split[0]), long.Parse(split[1]));
        var expected = Notes(source, from, to);
        var actual = Notes(copy, from, to);
        Assert.NotEmpty(expected);
        Assert.True(expected.SequenceEqual(actual),
            $"{frozen[0]}\n{frozen[1]}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
    }

    [Fact]
    public void Bars_that_repeat_collapse_to_one_and_a_drum_lane_hits_with_x()
    {
        var path = Write("track drums channel 10 {\n  kick bresenham 5 16\n}");
        var frozen = Freeze(path, "drums.kick", "0:4");
        Assert.Equal("\"~ ~ ~ x ~ ~ x ~ ~ x ~ ~ x ~ ~ x\"", frozen[0]);
        Assert.Equal("// drums.kick, bars 0:4: replaces bresenham 5 16", frozen[1]);
    }

    [Fact]
    public void A_two_bar_cycle_over_eight_bars_is_written_once_and_each_bar_goes_to_its_slot()
    {
        var path = Write("track lead channel 1 {\n  play \"<[c4 ~ e4 ~] [g4 g4]>\"\n}");
        Assert.Equal("\"<[c4 e4] [g4 g4]>\"", Freeze(path, "lead.play", "0:8")[0]);
        // Bars 3:6 are g4 g4, c4 e4, g4 g4: bar 3 takes slot 1 of a 2-step alternation, so slot 0 is c4 e4.
        Assert.Equal("\"<[c4 e4] [g4 g4]>\"", Freeze(path, "lead.play", "3:6")[0]);
        // Three bars that do not repeat (g4, a4, b4): bar 4 in slot 1, 5 in slot 2, 6 in slot 0.
        var walk = Write("track lead channel 1 {\n  play \"<c4 d4 e4 f4 g4 a4 b4>\"\n}");
        Assert.Equal("\"<b4 g4 a4>\"", Freeze(walk, "lead.play", "4:7")[0]);
    }

    [Fact]
    public void Weights_print_drum_names_value_generators_print_note_names_in_the_keys_spelling_and_the_comment_says_what_goes()
    {
        var drums = Write("track drums channel 10 {\n  perc weights { lt 0.5 ht 0.5 } steps 4\n}");
        Assert.Equal(["\"lt ht lt ht\"", "// drums.perc, bars 0:4: replaces weights { lt 0.5 ht 0.5 } steps 4"], Freeze(drums, "drums.perc", "0:4"));
        var bass = Write("track bass channel 2 {\n  play \"x*8\" n markov bass vel walk 70..110 step 8\n}");
        var frozen = Freeze(bass, "bass.play", "0:4");
        Assert.Contains("eb2", frozen[0]);
        Assert.DoesNotContain("d#2", frozen[0]);
        Assert.StartsWith("// bass.play, bars 0:4: replaces \"x*8\"; holds n markov bass (remove it); not in the string: velocities ", frozen[1]);
    }

    [Fact]
    public void A_grid_past_64_steps_holds_each_onset_to_the_next_with_at()
    {
        var path = Write("track keys channel 1 {\n  play \"c4*7 e4*11\"\n}");
        Assert.Equal("\"" + string.Join(' ', Enumerable.Repeat("c4@11", 7).Concat(Enumerable.Repeat("e4@7", 11))) + "\"", Freeze(path, "keys.play", "0:1")[0]);
        var late = Write("track keys channel 1 {\n  play \"~ [c4*7 e4*11]\"\n}");
        Assert.StartsWith("\"~@154 c4@11 ", Freeze(late, "keys.play", "0:1")[0]);
    }

    [Fact]
    public void Swing_stays_on_the_lane_and_the_string_is_straight()
    {
        var path = Write("track drums channel 10 {\n  hh \"x*8\" swing 60 grid 8 vel 90\n}");
        Assert.Equal(["\"x x x x x x x x\"", "// drums.hh, bars 0:4: replaces \"x*8\""], Freeze(path, "drums.hh", "0:4"));
    }

    [Fact]
    public void A_tracks_every_line_is_named_as_held_by_the_string()
    {
        var path = Write("track keys channel 1 {\n  every 2 rev\n  every 4 vel 120\n  play bresenham 3 8 n \"c4 e4 g4\"\n}");
        // every 4 vel 120 stays (velocities are not in the string) and shows as velocities that vary.
        Assert.Equal("// keys.play, bars 0:4: replaces bresenham 3 8; holds n \"c4 e4 g4\" (remove it); also holds the block's every 2 rev, which would act on it twice; " +
            "not in the string: velocities 100..120", Freeze(path, "keys.play", "0:4")[1]);
    }

    [Fact]
    public void Chords_are_written_as_stacks_on_the_finest_grid_of_the_bar()
    {
        var path = Write("track keys channel 1 {\n  play \"[c4,e4,g4] ~ <a3 b3> ~ ~ ~\"\n}");
        Assert.Equal("\"<[[c4,e4,g4] a3 ~] [[c4,e4,g4] b3 ~]>\"", Freeze(path, "keys.play", "0:2")[0]);
    }

    [Fact]
    public void An_unknown_lane_points_at_its_track_and_suggests_the_closest()
    {
        var path = Write("track drums channel 10 {\n  kick bresenham 5 16\n  hh \"x*8\"\n}");
        var result = SeqRun.Run("freeze", path, "drums.kik");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":8:7: error: track 'drums' has no lane 'kik'; did you mean 'kick'? [SEQ0907]", result.Error);
        Assert.Equal("", result.Out);
        var none = SeqRun.Run("freeze", path, "drums.zzzzz");
        Assert.Contains("track 'drums' has no lane 'zzzzz' (its lanes: kick, hh)", none.Error);
        var track = SeqRun.Run("freeze", path, "drum.kick");
        Assert.Equal(2, track.ExitCode);
        Assert.Contains("seq freeze: there is no track 'drum'; did you mean 'drums.kick'?", track.Error);
        var whole = SeqRun.Run("freeze", path, "drums");
        Assert.Equal(2, whole.ExitCode);
        Assert.Contains("'drums' is a track: name one of its lanes, TRACK.LANE (drums.kick, drums.hh)", whole.Error);
    }

    [Theory]
    [InlineData("3:1")]
    [InlineData("0:0")]
    [InlineData("x")]
    [InlineData("0:1000")]
    public void Bad_bars_are_a_usage_error(string bars)
    {
        var path = Write("track drums channel 10 {\n  kick bresenham 5 16\n}");
        var result = SeqRun.Run("freeze", path, "drums.kick", "--bars", bars);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("seq freeze: --bars ", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_a_broken_one_an_input_error_and_a_cc_lane_is_refused()
    {
        var missing = SeqRun.Run("freeze", Path.Combine(SeqRun.TempDirectory(), "none.seq"), "a.b");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no such file", missing.Error);
        var broken = SeqRun.Run("freeze", Write("track drums channel 10 {\n  kick bresenham 17 16\n}"), "drums.kick");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("[SEQ0342]", broken.Error);
        var cc = SeqRun.Run("freeze", Write("track t channel 1 {\n  cc 74 \"0 64\"\n}"), "t.cc74");
        Assert.Equal(2, cc.ExitCode);
        Assert.Contains("t.cc74 is a cc lane", cc.Error);
    }

    [Fact]
    public void The_pages_example_prints_what_the_page_shows()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "generators.md"));
        var section = page[page.IndexOf("## Freezing a generator", StringComparison.Ordinal)..];
        var file = Block(section, "```seq\n");
        var shell = Block(section, "```\n$ ");
        var path = Path.Combine(SeqRun.TempDirectory(), "try.seq");
        File.WriteAllText(path, file);
        var commands = ("$ " + shell).Split("$ seq ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, commands.Length);
        foreach (var command in commands)
        {
            var lines = command.Split('\n', 2);
            var args = lines[0].Split(' ').Select(a => a == "try.seq" ? path : a).ToArray();
            var result = SeqRun.Run(args);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal(lines[1].TrimEnd('\n'), result.Out.TrimEnd('\n'));
        }
    }

    /// <summary>The text of the first fenced block opening with <paramref name="fence"/> (what follows the fence's newline, or the "$ ").</summary>
    private static string Block(string markdown, string fence)
    {
        var start = markdown.IndexOf(fence, StringComparison.Ordinal) + fence.Length;
        return markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Write(string tracks)
    {
        var path = Path.Combine(SeqRun.TempDirectory(), "song.seq");
        File.WriteAllText(path, Head + tracks + "\n");
        return path;
    }

    /// <summary>The two lines seq freeze prints: the quoted string and the comment.</summary>
    private static string[] Freeze(string path, string lane, string bars)
    {
        var result = SeqRun.Run("freeze", path, lane, "--bars", bars);
        Assert.True(result.ExitCode == 0, $"seq freeze {lane} --bars {bars} exited {result.ExitCode}: {result.Error}");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        return lines;
    }

    /// <summary>Every note-on mido reads in bars [from, to) of the rendered file: tick, channel, pitch.</summary>
    private static List<string> Notes(string path, long from, long to)
    {
        var midi = Path.ChangeExtension(path, ".mid");
        var result = SeqRun.Run("render", path, "--bars", to.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", midi);
        Assert.True(result.ExitCode == 0, result.Error);
        const long bar = 4 * 480;
        return IndependentMidiReader.Dump(midi).Tracks
            .SelectMany(t => t.Messages)
            .Where(m => m.Type == "note_on" && m.Velocity > 0 && m.Tick >= from * bar && m.Tick < to * bar)
            .Select(m => $"{m.Tick} ch={m.Channel} note={m.Note}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
