using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>Harmony-relative atoms on the events a bar produces (SPEC §3–4).</summary>
public class HarmonyEventTests
{
    private static List<PieceEvent> Events(string text, long bars)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", text), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        for (var bar = 0L; bar < bars; bar++) Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
        return events;
    }

    [Theory]
    [InlineData("humanize 30")]
    [InlineData("swing 75 grid 8")]
    public void FeelMovesTheTimeButNeverThePitch(string feel)
    {
        // C3 F3 G3 A3: each note belongs to the chord of the beat it was written on, even when pushed across a bar line.
        var roots = new[] { 48, 53, 55, 57 };
        var events = Events($"tempo 120\nchords \"<C F G Am>\"\ntrack p channel 1 {{\n  play \"root*8\" octave 3 {feel}\n}}\n", 40);
        Assert.Equal(40 * 8, events.Count);
        Assert.All(events, e => Assert.True(e.Begin.Sign >= 0));
        if (feel.StartsWith("humanize")) Assert.Contains(events, e => Math.Floor(Math.Round(e.Begin.ToDouble() * 8) / 8.0) != e.Begin.Floor());
        foreach (var e in events)
        {
            // Swing only delays (by less than an eighth); humanize moves either way by less than a sixteenth.
            var steps = e.Begin.ToDouble() * 8;
            var written = (feel.StartsWith("swing") ? Math.Floor(steps) : Math.Round(steps)) / 8.0;
            Assert.Equal(roots[(long)Math.Floor(written) % 4], e.Number);
        }
    }

    [Fact]
    public void ChordsChangeMidBarAndNotesFollowAtTheirOnset()
    {
        var events = Events("chords \"[C G]\"\ntrack p channel 1 {\n  play \"root*4\" octave 4\n}\n", 1);
        Assert.Equal(new[] { 60, 60, 67, 67 }, events.Select(e => e.Number));
    }
}
