using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// The law behind the event stream's period cache: a periodic lane's bar b equals its bar b mod P moved by
/// whole cycles, so answering from the cache gives exactly the events of computing every bar afresh,
/// in any order of bars.
/// </summary>
public class EventStreamCacheTests
{
    private const string Piece = """
        tempo 100
        swing 58
        track d channel 10 {
          kick "x(<3 5>,8,<0 2>)"
          hat "x*16" vel "<90 60 [75 40]>"
          snare "~ x ~ <x [x x]>" every 3 rev
          perc "bd? sd | cp"
          ride "x*8" humanize 7
          tom "lt mt ht" fast 1.5 shift 0.125
        }
        track b channel 2 {
          play "<c2 e2> g2 [c3 ~]/3" legato 0.9 prob 0.8
          play "c4'maj7 e4'm7" slow 1.25 transpose 2
          cc 74 "0 <64 127>"
        }
        """;

    // Lanes that follow the chords are cached unresolved and resolved per bar: form, generated harmony,
    // a section-bound chart that restarts on each entry, lead voicing chained from bar 0.
    private const string HarmonyPiece = """
        key D dorian
        harmony dorian_minor gravity 0.4
        form {
          a 2 -> a | b 2
          b 3 -> a
        }
        in b { chords "<Dm7 [G7 C/E]> ~ F" }
        track p channel 1 {
          play "chord ~ chord chord" voicing lead
          play "[0 1 2 -1]*2" tones octave 3 transpose 12
          in b { play "root*3" octave 2 }
        }
        track q channel 2 { play "chord" voicing open slow 2 }
        """;

    private static List<PieceEvent> Render(EventStream stream, IEnumerable<long> bars)
    {
        var events = new List<PieceEvent>();
        foreach (var bar in bars) Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
        return events;
    }

    private static CompiledPiece Compile(string text = Piece)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        return compilation.Piece!;
    }

    [Fact]
    public void CachedBarsEqualBarsComputedAfresh()
    {
        var piece = Compile();
        var bars = Enumerable.Range(0, 61).Select(b => (long)b).ToList();
        var cached = Render(new EventStream(piece), bars);
        var fresh = Render(new EventStream(piece, cachePeriodicLanes: false), bars);
        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, cached);
    }

    [Fact]
    public void BarsAskedInAnyOrderAreTheSame()
    {
        var piece = Compile();
        var shuffled = Enumerable.Range(0, 61).Select(b => (long)b).OrderBy(b => (b * 37) % 61).ToList();
        var stream = new EventStream(piece);
        foreach (var bar in shuffled) Render(stream, new[] { bar });
        var afterShuffle = Render(stream, Enumerable.Range(0, 61).Select(b => (long)b));
        var fresh = Render(new EventStream(piece, cachePeriodicLanes: false), Enumerable.Range(0, 61).Select(b => (long)b));
        Assert.Equal(fresh, afterShuffle);
    }

    [Fact]
    public void NegativeAndFarBarsUseTheRightSlot()
    {
        var piece = Compile();
        var bars = new long[] { 1_000_003, 7, 999_999, 12 };
        Assert.Equal(Render(new EventStream(piece, cachePeriodicLanes: false), bars), Render(new EventStream(piece), bars));
    }

    [Fact]
    public void LanesThatFollowTheChordsAreTheSameCachedAndInAnyOrder()
    {
        var piece = Compile(HarmonyPiece);
        var bars = Enumerable.Range(0, 80).Select(b => (long)b).ToList();
        var fresh = Render(new EventStream(piece, cachePeriodicLanes: false), bars);
        Assert.Equal(fresh, Render(new EventStream(piece), bars));
        var backwards = new EventStream(piece);
        var reversed = bars.AsEnumerable().Reverse().Select(b => Render(backwards, new[] { b })).Reverse().SelectMany(e => e).ToList();
        Assert.Equal(fresh, reversed);
        Assert.Contains(fresh, e => e.Track == 0 && e.Lane == 2);
    }
}
