using SeqLang.Cli.Tests.Support;
using SeqLang.Midi;
using SeqLang.Midi.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>The render command's contract (SPEC §7-8): defaults, seeds, exit codes, atomic output.</summary>
public class RenderTests
{
    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void WritesFileWithMidExtensionByDefault()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "beat.seq", "track d channel 10 { kick \"x*4\" }\n");
        var result = SeqRun.Run("render", path, "--bars", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "beat.mid")));
    }

    [Fact]
    public void SaysWhatItWroteOnOneLineOfStandardErrorUnlessQuiet()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "beat.seq", "tempo 120\ntrack d channel 10 { kick \"x*4\" }\ntrack b channel 2 { play \"c2 ~\" }\n");
        var output = Path.Combine(folder, "o.mid");
        var result = SeqRun.Run("render", path, "-o", output, "--bars", "32");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        // 32 bars of 4/4 at 120 BPM: 64 s; 4 kicks and 1 bass note a bar.
        Assert.Equal($"wrote {output}: 2 tracks, 160 notes, 1:04 at 120 BPM\n", result.Error);

        var quiet = SeqRun.Run("render", path, "-o", output, "--bars", "32", "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Error);
    }

    [Fact]
    public void TheSummaryGivesATempoRampAsARangeAndTimesItAsTheFileDoes()
    {
        var folder = SeqRun.TempDirectory();
        // 60 -> 120 BPM over 4 bars, then 4 bars at 120: its length as an independent reader (mido) plays the file.
        var path = Write(folder, "ramp.seq", "tempo 60 -> 120 over 4 bars\ntrack d channel 10 { kick \"x\" }\n");
        var output = Path.Combine(folder, "o.mid");
        var result = SeqRun.Run("render", path, "-o", output, "--bars", "8");
        Assert.Equal(0, result.ExitCode);
        var seconds = (int)Math.Round(IndependentMidiReader.Dump(output).LengthSeconds);
        Assert.InRange(seconds, 17, 23); // 4 bars averaging about 80 BPM, then 8 s
        Assert.Equal($"wrote {output}: 1 track, 8 notes, {seconds / 60}:{seconds % 60:00} at 60–120 BPM\n", result.Error);
    }

    [Fact]
    public void EndlessPieceIsCappedAtSixtyMinutesWithAWarning()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "beat.seq", "tempo 120\ntrack d channel 10 { kick \"x\" }\n");
        var result = SeqRun.Run("render", path, "-o", Path.Combine(folder, "o.mid"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the piece never ends: rendering the first 60 minutes (1800 bars); use --bars N", result.Error);
        var file = SmfReader.Read(File.ReadAllBytes(Path.Combine(folder, "o.mid")));
        Assert.Equal(1800, file.Tracks[1].Events.Count(e => e.IsNoteOn));
    }

    [Fact]
    public void SeedChangesRandomChoicesAndOnlyThem()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "r.seq", "seed 1\ntrack d channel 10 { hat \"x*16?\" }\n");
        string Render(params string[] extra)
        {
            var output = Path.Combine(folder, Guid.NewGuid() + ".mid");
            Assert.Equal(0, SeqRun.Run(new[] { "render", path, "-o", output, "--bars", "4" }.Concat(extra).ToArray()).ExitCode);
            return Convert.ToHexString(File.ReadAllBytes(output));
        }
        Assert.Equal(Render(), Render("--seed", "1"));
        Assert.NotEqual(Render(), Render("--seed", "2"));
        Assert.Equal(Render("--seed", "2"), Render("--seed", "2"));
    }

    [Fact]
    public void FromMovesTheStartBar()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "a.seq", "track p channel 1 { play \"<c4 d4 e4>\" }\n");
        var output = Path.Combine(folder, "a.mid");
        Assert.Equal(0, SeqRun.Run("render", path, "-o", output, "--from", "2", "--bars", "1").ExitCode);
        var note = SmfReader.Read(File.ReadAllBytes(output)).Tracks[1].Events.First(e => e.IsNoteOn);
        Assert.Equal(0, note.Tick);
        Assert.Equal(64, note.Note);
    }

    [Fact]
    public void FromGivesTheBarsOfAFullRenderForLifeAndTuring()
    {
        // SPEC §15: a generator's state is walked from bar 0, so --from B plays exactly the bars a full render plays there.
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "g.seq", "track d channel 10 {\n  beat life B2/S width 16 rows bd sd hh oh from random 0.35 vel turing \"70 100 120\" drift 0.3\n}\n" +
            "track p channel 1 {\n  play \"x*8\" n turing \"c3 eb3 g3 bb3 c4\" drift 0.2 vel turing \"50 90\" drift 0.5\n}\n");
        List<string> Notes(string output, long from)
        {
            var file = SmfReader.Read(File.ReadAllBytes(output));
            // 1920 ticks a 4/4 bar at 480 ppq.
            return file.Tracks.Skip(1).SelectMany((t, i) => t.Events.Where(e => e.IsNoteOn).Select(e => $"{i}:{e.Tick + from * 1920}:{e.Note}:{e.Velocity}")).ToList();
        }
        var full = Path.Combine(folder, "full.mid");
        Assert.Equal(0, SeqRun.Run("render", path, "-o", full, "--bars", "24").ExitCode);
        var part = Path.Combine(folder, "part.mid");
        Assert.Equal(0, SeqRun.Run("render", path, "-o", part, "--from", "13", "--bars", "6").ExitCode);
        var expected = Notes(full, 0).Where(n => long.Parse(n.Split(':')[1]) is >= 13 * 1920 and < 19 * 1920).ToList();
        Assert.True(expected.Count > 48, "a weak case: too few notes");
        Assert.Equal(expected, Notes(part, 13));
    }

    [Fact]
    public void InputErrorsExitOneAndWriteNothing()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "bad.seq", "track d channel 10 { kik \"x\" }\n");
        var result = SeqRun.Run("render", path);
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(folder, "bad.mid")));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp*"));
    }

    [Fact]
    public void MissingFileExitsThree() => Assert.Equal(3, SeqRun.Run("render", "/nonexistent/x.seq").ExitCode);

    [Fact]
    public void UnwritableOutputExitsThree()
    {
        var folder = SeqRun.TempDirectory();
        var path = Write(folder, "a.seq", "track d channel 10 { kick \"x\" }\n");
        Assert.Equal(3, SeqRun.Run("render", path, "-o", "/nonexistent/dir/a.mid", "--bars", "1").ExitCode);
    }

    [Theory]
    [InlineData("render")]
    [InlineData("render", "a.seq", "--bars", "x")]
    [InlineData("render", "a.seq", "--bars", "0")]
    [InlineData("frobnicate")]
    [InlineData("events")]
    public void UsageErrorsExitTwo(params string[] args) => Assert.Equal(2, SeqRun.Run(args).ExitCode);

    [Fact]
    public void HelpListsExamples()
    {
        var result = SeqRun.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("seq render examples/demo.seq", result.Out);
    }

    // The help and version options exist only when the arguments ask for them (SeqCommandLine.Build): help still lists
    // both, on every command, and either works wherever it is written.
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("render", "--help")]
    [InlineData("check", "-h")]
    public void HelpListsTheHelpAndVersionOptions(params string[] args)
    {
        var result = SeqRun.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-?, -h, --help", result.Out);
        if (args.Length == 1) Assert.Contains("--version", result.Out);
    }

    [Fact]
    public void VersionPrintsTheVersionAndNothingElse()
    {
        var result = SeqRun.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.Out.ReplaceLineEndings("\n"));
        Assert.Equal(2, SeqRun.Run("--versio").ExitCode);
    }
}
