using SeqLang.Core.Time;
using static SeqLang.Compiler.Tests.PatternFunctionEvents;

namespace SeqLang.Compiler.Tests;

/// <summary>SPEC §14 <c>groove NAME [amount A]</c> with grid grooves and Ableton <c>.agr</c> files.</summary>
public class GrooveTests
{
    private const string Push = "groove push grid 16 { shift \"0 0.5\" vel \"1 0.5\" }\n";

    [Fact]
    public void A_grid_groove_moves_and_scales_each_slot()
    {
        var notes = Of(Track("  play \"c4*16\" groove push", Push), 1);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(new Rational(i, 16) + (i % 2 == 1 ? new Rational(1, 32) : Rational.Zero), notes[i].Begin);
            Assert.Equal(i % 2 == 1 ? 50 : 100, notes[i].Value);
        }
    }

    [Fact]
    public void Amount_scales_the_groove()
    {
        var half = Of(Track("  play \"c4*16\" groove push amount 0.5", Push), 1);
        Assert.Equal(new Rational(1, 16) + new Rational(1, 64), half[1].Begin);
        Assert.Equal(75, half[1].Value);
        var none = Of(Track("  play \"c4*16\" groove push amount 0", Push), 1);
        Assert.All(none, e => Assert.Equal(100, e.Value));
    }

    [Fact]
    public void Events_far_from_a_slot_are_left_alone()
    {
        var notes = Of(Track("  play \"c4*12\" groove push", Push), 1);
        // Triplet 1/12 lies 1/3 of a sixteenth from slot 1: more than a quarter step, so it stays.
        Assert.Equal(new Rational(1, 12), notes[1].Begin);
    }

    [Fact]
    public void An_agr_file_gives_each_slot_its_time_and_velocity()
    {
        var folder = Path.Combine(Path.GetTempPath(), "seq-groove-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "grooves"));
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Grooves", "Fixtures", "swing-16.agr"), Path.Combine(folder, "grooves", "swing.agr"));
            var path = Path.Combine(folder, "beat.seq");
            var notes = Of(Track("  play \"c4*16\" groove mpc", "groove mpc \"grooves/swing.agr\"\n"), 1, path);
            // The file's odd sixteenths are 0.02 beat late (a beat is a quarter of the bar), velocities 120 and 80 of 127.
            var late = notes[1].Begin - new Rational(1, 16);
            Assert.InRange((late - new Rational(2, 400)).Abs().ToDouble(), 0, 1.0 / (3840 * 4));
            Assert.Equal(Rational.Zero, notes[0].Begin);
            Assert.Equal(94, notes[0].Value);
            Assert.Equal(63, notes[1].Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_or_malformed_file_is_reported_at_its_name()
    {
        var missing = Check("groove mpc \"nowhere/x.agr\"\n" + Track("  play \"c4*4\" groove mpc"));
        var d = Assert.Single(missing);
        Assert.Equal("SEQ0334", d.Code);
        var folder = Path.Combine(Path.GetTempPath(), "seq-groove-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Grooves", "Fixtures", "truncated.agr"), Path.Combine(folder, "bad.agr"));
            var text = "groove mpc \"bad.agr\"\n" + Track("  play \"c4*4\" groove mpc");
            var bad = Assert.Single(Check(text, Path.Combine(folder, "beat.seq")));
            Assert.Equal("SEQ0334", bad.Code);
            Assert.Equal("\"bad.agr\"", text.Substring(bad.Span.Start, bad.Span.Length));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_device_or_a_pipe_is_refused_without_being_read()
    {
        if (OperatingSystem.IsWindows()) return;
        var text = "groove g \"/dev/zero\"\n" + Track("  play \"c4*4\" groove g");
        // /dev/zero would never end: the check must answer, at once, with a diagnostic.
        var d = Assert.Single(Check(text));
        Assert.Equal("SEQ0334", d.Code);
        Assert.Contains("not a regular file", d.Message);
    }
}
