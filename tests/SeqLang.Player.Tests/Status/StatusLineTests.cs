using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Compiler.Form;
using SeqLang.Core.Time;
using SeqLang.Player.Status;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests.Status;

public sealed class StatusLineTests
{
    private static readonly TimeSpan Now = TimeSpan.Zero, Recently = TimeSpan.FromMilliseconds(150), Earlier = TimeSpan.FromMilliseconds(151);

    private static SectionPosition Verse(long bar, long? length = 8) => new(new SectionEntry("verse", 1, 2, 1, 4, length), bar);

    private static StatusSnapshot Snapshot(Rational? bpm = null, string[]? chords = null, SectionPosition? section = null, TrackActivity[]? tracks = null) => new(
        12,
        section ?? Verse(3),
        chords ?? ["Dm7", "G7"],
        bpm ?? 120,
        tracks ?? [new("drums", Now), new("bass", Earlier), new("keys", Recently)]);

    private static string Line(StatusSnapshot s, int width = 200) => new StatusLine().Format(s, width);

    [Fact]
    public void Everything_at_full_width()
    {
        Assert.Equal("bar 12 · verse 3/8 · Dm7 G7 · 120 bpm · drums● bass· keys●", Line(Snapshot()));
    }

    [Fact]
    public void A_track_lights_for_150_ms_after_a_note_and_not_before_its_first()
    {
        var line = Line(Snapshot(tracks: [new("a", TimeSpan.FromMilliseconds(149)), new("b", TimeSpan.FromMilliseconds(150)), new("c", TimeSpan.FromMilliseconds(150.5)), new("d", null)]));
        Assert.EndsWith(" · a● b● c· d·", line);
    }

    [Theory]
    [InlineData(120, 1, "120 bpm")]
    [InlineData(195, 2, "97.5 bpm")]
    [InlineData(400, 3, "133.3 bpm")]
    [InlineData(1199, 10, "119.9 bpm")]
    [InlineData(2399, 20, "120.0 bpm")]   // 119.95: fractional, so one decimal, rounded half up
    [InlineData(241, 2, "120.5 bpm")]
    public void The_tempo_shows_one_decimal_only_when_fractional(long numerator, long denominator, string expected)
    {
        Assert.Contains(" · " + expected + " · ", Line(Snapshot(bpm: new Rational(numerator, denominator))));
    }

    [Fact]
    public void No_form_no_harmony_no_tracks()
    {
        var endless = new SectionPosition(new SectionEntry("main", 0, 0, 0, 0, null), 13);
        Assert.Equal("bar 12 · main 13 · 90 bpm", Line(new StatusSnapshot(12, endless, [], 90, [])));
        Assert.Equal("bar 12 · 90 bpm", Line(new StatusSnapshot(12, null, ["~"], 90, []))); // only a gap: no chord shown
        Assert.Equal("bar 0 · verse 1/8 · ~ C · 90 bpm", Line(new StatusSnapshot(0, Verse(1), ["~", "C"], 90, [])));
    }

    [Fact]
    public void Narrower_terminals_give_up_detail_in_order()
    {
        var s = Snapshot(tracks: [new("drums", Now), new("bassline", Earlier), new("keys", Recently)]);
        string[] expected =
        [
            "bar 12 · verse 3/8 · Dm7 G7 · 120 bpm · drums● bassline· keys●",
            "bar 12 · verse 3/8 · Dm7 G7 · 120 bpm · drums● bassl· keys●",
            "bar 12 · verse 3/8 · Dm7 G7 · 120 bpm · dru● bas· key●",
            "bar 12 · verse 3/8 · Dm7 G7 · 120 bpm · d● b· k●",
            "bar 12 · verse 3/8 · Dm7… · 120 bpm · d● b· k●",
            "bar 12 · verse 3/8 · Dm7… · 120 bpm · ●·●",
            "bar 12 · verse 3/8 · 120 bpm · ●·●",
            "bar 12 · verse 3/8 · 120 bpm",
            "bar 12 · verse 3/8",
            "bar 12",
        ];
        var line = new StatusLine();
        foreach (var want in expected) Assert.Equal(want, line.Format(s, want.Length));
        // One column less than a step needs gives the next step.
        for (var i = 0; i + 1 < expected.Length; i++) Assert.Equal(expected[i + 1], line.Format(s, expected[i].Length - 1));
    }

    [Fact]
    public void Below_the_bar_alone_the_text_is_cut()
    {
        Assert.Equal("bar…", Line(Snapshot(), 4));
        Assert.Equal("…", Line(Snapshot(), 1));
        Assert.Equal("", Line(Snapshot(), 0));
    }

    [Fact]
    public void Every_width_fits()
    {
        var line = new StatusLine();
        var s = Snapshot();
        for (var width = 0; width < 80; width++) Assert.True(line.Format(s, width).Length <= width, $"width {width}");
    }

    [Fact]
    public void A_call_allocates_only_the_returned_string()
    {
        var line = new StatusLine();
        var s = Snapshot(bpm: new Rational(195, 2));
        var width = 30; // several steps tried before one fits
        line.Format(s, width);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = line.Format(s, width);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 32 + 2 * text.Length, $"{allocated} bytes for \"{text}\"");
    }

    [Fact]
    public void Bar_section_and_chords_read_as_seq_events_headers_do()
    {
        // The same piece, the same bars: the status line's start is `seq events`' header for that bar.
        var path = Path.Combine(Repository.Examples, "song.seq");
        var piece = Expected.Compile(path);
        var output = new StringWriter();
        Assert.Equal(0, SeqCommandLine.Run(["events", path, "--bars", "0:24"], new CliConsole(output, new StringWriter())));
        var headers = output.ToString().Split('\n').Where(l => l.StartsWith("bar ", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, headers.Count);
        var line = new StatusLine();
        for (var bar = 0; bar < 24; bar++)
        {
            var changes = new List<(Rational Time, Compiler.Harmony.Chord? Chord)>();
            piece.Harmony!.ChangesIn(bar, changes);
            var chords = new List<string>();
            foreach (var (_, chord) in changes)
            {
                var name = chord?.Name ?? "~";
                if (chords.Count == 0 || chords[^1] != name) chords.Add(name);
            }
            var status = line.Format(new StatusSnapshot(bar, piece.Form.SectionAt(bar), chords, piece.Tempo.TempoAt(bar), []), 200);
            Assert.StartsWith(headers[bar] + " · ", status);
        }
    }
}
