using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests;

/// <summary>Atoms and modifiers of SPEC §3, checked on the events a bar produces.</summary>
public class LaneEventTests
{
    private static CompiledPiece Compile(string text)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        return compilation.Piece!;
    }

    private static List<PieceEvent> Bars(CompiledPiece piece, long from, long to)
    {
        var stream = new EventStream(piece);
        var events = new List<PieceEvent>();
        var diagnostics = new DiagnosticBag();
        for (var bar = from; bar < to; bar++) Assert.True(stream.Bar(bar, events, diagnostics));
        return events;
    }

    private static List<PieceEvent> Bar0(string text) => Bars(Compile(text), 0, 1);

    private static Rational R(string s) => Rational.Parse(s);

    [Fact]
    public void DrumLaneHitsItsDrumOnChannelTen()
    {
        var events = Bar0("track d channel 10 { kick \"x*4\" }");
        Assert.Equal(new[] { "0", "1/4", "1/2", "3/4" }, events.Select(e => e.Begin.ToString()));
        Assert.All(events, e => { Assert.Equal(36, e.Number); Assert.Equal(9, e.Channel); Assert.Equal(100, e.Value); });
    }

    [Fact]
    public void CapitalXIsAnAccentWhateverVelSays()
    {
        var events = Bar0("track d channel 10 { snare \"x X\" vel 60 }");
        Assert.Equal(new[] { 60, 127 }, events.Select(e => e.Value));
    }

    [Fact]
    public void DrumNamesLongShortAndNumbers()
    {
        var events = Bar0("track d channel 10 { perc \"bd closed_hi_hat open_triangle 60\" }");
        Assert.Equal(new[] { 36, 42, 81, 60 }, events.Select(e => e.Number));
    }

    [Fact]
    public void UserKitMapsNames()
    {
        var events = Bar0("kit tr8 { kick 24 snare 26 }\ntrack d channel 10 kit tr8 { snare \"x\" }");
        Assert.Equal(26, Assert.Single(events).Number);
    }

    [Fact]
    public void NoteNamesAndNumbers()
    {
        var events = Bar0("track p channel 1 { play \"c4 Eb3 f#5 cs4 c-1 60\" }");
        Assert.Equal(new[] { 60, 51, 78, 61, 0, 60 }, events.Select(e => e.Number));
    }

    [Fact]
    public void TidalChordsSoundTogether()
    {
        var events = Bar0("track p channel 1 { play \"c4'maj7 e'm\" octave 3 }");
        Assert.Equal(new[] { 60, 64, 67, 71, 52, 55, 59 }, events.Select(e => e.Number));
        Assert.Equal(4, events.Count(e => e.Begin == Rational.Zero));
    }

    [Fact]
    public void DegreesReadTheKeyFromTheLaneOctave()
    {
        var events = Bar0("key E minor\ntrack p channel 1 { play \"0 2 4 7 -1\" degrees octave 3 }");
        Assert.Equal(new[] { 52, 55, 59, 64, 50 }, events.Select(e => e.Number));
    }

    [Fact]
    public void DegreesInAUserScale()
    {
        var events = Bar0("scale pelog 0 1 3 7 8\nkey D pelog\ntrack p channel 1 { play \"0 1 2 3 4 5\" degrees }");
        Assert.Equal(new[] { 62, 63, 65, 69, 70, 74 }, events.Select(e => e.Number));
    }

    [Fact]
    public void VelocityPatternIsSampledAtEachOnset()
    {
        var events = Bar0("track d channel 10 { hat \"x*8\" vel \"90 60 75 60\" }");
        Assert.Equal(new[] { 90, 90, 60, 60, 75, 75, 60, 60 }, events.Select(e => e.Value));
    }

    [Fact]
    public void LegatoScalesLengthTransposeMovesPitch()
    {
        var e = Assert.Single(Bar0("track p channel 1 { play \"c4\" legato 0.5 transpose -12 }"));
        Assert.Equal(48, e.Number);
        Assert.Equal(R("1/2"), e.End - e.Begin);
    }

    [Fact]
    public void FastSlowRevShift()
    {
        Assert.Equal(new[] { "0", "1/4", "1/2", "3/4" }, Bar0("track p channel 1 { play \"c4 d4\" fast 2 }").Select(e => e.Begin.ToString()));
        var slow = Bars(Compile("track p channel 1 { play \"c4 d4\" slow 2 }"), 0, 2);
        Assert.Equal(new[] { 60, 62 }, slow.Select(e => e.Number));
        Assert.Equal(new[] { 64, 62, 60 }, Bar0("track p channel 1 { play \"c4 d4 e4\" rev }").Select(e => e.Number));
        Assert.Equal(new[] { "1/4", "3/4" }, Bar0("track p channel 1 { play \"c4 d4\" shift 0.25 }").Select(e => e.Begin.ToString()));
    }

    [Fact]
    public void EveryAppliesInCyclesDivisibleByN()
    {
        var events = Bars(Compile("track p channel 1 { play \"c4 d4\" every 2 rev }"), 0, 3);
        Assert.Equal(new[] { 62, 60, 60, 62, 62, 60 }, events.Select(e => e.Number));
    }

    [Fact]
    public void BlockEveryAppliesToEveryLaneOfTheBlock()
    {
        var events = Bars(Compile("track p channel 1 {\n  play \"c4 d4\"\n  play \"e4 f4\"\n  every 2 transpose 12\n}"), 0, 2);
        Assert.Equal(new[] { 72, 74, 76, 77, 60, 62, 64, 65 }, events.Select(e => e.Number));
    }

    [Fact]
    public void SwingMovesTheOffBeatToPPercentOfThePair()
    {
        var events = Bar0("track d channel 10 { hat \"x*4\" swing 75 grid 8 }");
        // 8th-note grid in 4/4: a pair is a quarter (1/4 cycle); the off-beat at 1/8 moves to 3/4 of it.
        Assert.Equal(new[] { "0", "1/4", "1/2", "3/4" }, events.Select(e => e.Begin.ToString()));
        var eighths = Bar0("track d channel 10 { hat \"x*8\" swing 75 grid 8 }");
        Assert.Equal(new[] { "0", "3/16", "1/4", "7/16", "1/2", "11/16", "3/4", "15/16" }, eighths.Select(e => e.Begin.ToString()));
        Assert.All(eighths, e => Assert.Equal(R("1/8"), e.End - e.Begin));
    }

    [Fact]
    public void FileSwingIsEveryLanesDefault()
    {
        var events = Bar0("swing 75\ntrack d channel 10 { hat \"x*16\" }");
        Assert.Equal(R("1/16") + R("1/32"), events[1].Begin);
    }

    [Fact]
    public void HumanizeStaysWithinItsMilliseconds()
    {
        // 120 BPM in 4/4: a bar is 2 s, so 10 ms is 1/200 of a cycle.
        var events = Bars(Compile("seed 3\ntrack d channel 10 { hat \"x*16\" humanize 10 }"), 0, 50);
        var offsets = events.Select(e => (e.Begin - Rational.FromInteger(e.Bar) - R("1/16") * ((e.Begin - e.Bar) * 16 + R("1/2")).Floor())).ToList();
        Assert.All(offsets, o => Assert.True(o.Abs() <= R("1/200"), o.ToString()));
        Assert.True(offsets.Distinct().Count() > 100, "humanize should vary the offsets");
    }

    [Fact]
    public void ProbKeepsAboutPOfTheEvents()
    {
        var events = Bars(Compile("track d channel 10 { hat \"x*16\" prob 0.25 }"), 0, 250);
        // 4000 trials at p = 0.25: mean 1000, sd 27.4; six sd either side.
        Assert.InRange(events.Count, 1000 - 165, 1000 + 165);
    }

    [Fact]
    public void DegradeRemovesAboutHalf()
    {
        var events = Bars(Compile("track d channel 10 { hat \"x*16?\" }"), 0, 250);
        Assert.InRange(events.Count, 2000 - 190, 2000 + 190);
    }

    [Fact]
    public void RandomnessDependsOnLaneNameNotOnOtherLanes()
    {
        var alone = Bars(Compile("seed 5\ntrack d channel 10 { hat \"x*16?\" }"), 0, 8);
        var withOther = Bars(Compile("seed 5\ntrack d channel 10 {\n  kick \"x?\"\n  hat \"x*16?\"\n}"), 0, 8).Where(e => e.Number == 42);
        Assert.Equal(alone.Select(e => e.Begin), withOther.Select(e => e.Begin));
    }

    [Fact]
    public void ABarDoesNotDependOnWhatWasQueriedBefore()
    {
        var piece = Compile("seed 9\ntrack d channel 10 { hat \"[x|x*2|x*3]*4?\" humanize 5 prob 0.7 }");
        var inOrder = Bars(piece, 0, 20).Where(e => e.Bar == 17).ToList();
        var alone = Bars(piece, 17, 18);
        Assert.Equal(inOrder, alone);
    }

    [Fact]
    public void ControlLanesSetValuesAtOnsets()
    {
        var events = Bar0("track p channel 3 { cc 74 \"0 64 127\" }");
        Assert.All(events, e => { Assert.Equal(PieceEventKind.Control, e.Kind); Assert.Equal(74, e.Number); Assert.Equal(2, e.Channel); });
        Assert.Equal(new[] { 0, 64, 127 }, events.Select(e => e.Value));
    }

    [Fact]
    public void ChanSendsALaneElsewhereAndMuteSilences()
    {
        var events = Bar0("track p channel 1 {\n  play \"c4\" chan 5\n  play \"d4\" mute\n}");
        Assert.Equal(4, Assert.Single(events).Channel);
    }

    [Fact]
    public void MeterSetsTheBar()
    {
        var piece = Compile("meter 7/8\ntrack d channel 10 { kick \"x*7\" }");
        Assert.Equal(R("7/2"), piece.Settings.Meter.BarQuarters);
        Assert.Equal(7, Bar0("meter 7/8\ntrack d channel 10 { kick \"x*7\" }").Count);
    }

    [Fact]
    public void PlayLanesAreNumbered()
    {
        var piece = Compile("track p channel 1 {\n  play \"c4\"\n  play \"d4\"\n  cc 1 \"0\"\n  cc 1 \"5\"\n}");
        Assert.Equal(new[] { "p.play", "p.play2", "p.cc1", "p.cc1_2" }, piece.Tracks[0].Lanes.Select(l => l.FullName));
    }
}
