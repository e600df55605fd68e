using System.Text.Json;
using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// SPEC §15's generators against an independent reference written in Python from the spec alone
/// (tests/tools/generators-reference; <c>python3 make_vectors.py</c> writes Vectors/generators.json). Each case's lane
/// plays, bar by bar, exactly the steps the reference computed: Bresenham and weights every bar, an elementary
/// automaton one generation a bar, an L-system's word one atom per step across bar lines,
/// life's grid one generation a bar (a row a drum), and turing's dice-free drifts one value an onset.
/// </summary>
public class GeneratorVectorTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Vectors", "generators.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var vectors = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var c in vectors.RootElement.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_generated_lane_plays_the_reference_steps(string id)
    {
        using var vectors = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var c = vectors.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        var lane = c.GetProperty("seq").GetString()!;
        var laneName = lane.Split(' ')[0];
        var kind = c.GetProperty("kind").GetString();
        if (kind == "life")
        {
            LifeGrids(c, lane);
            return;
        }
        if (kind == "turing")
        {
            TuringValues(c, lane);
            return;
        }
        List<string?[]> expected = c.GetProperty("kind").GetString() switch
        {
            "bresenham" => Enumerable.Repeat(c.GetProperty("hits").EnumerateArray().Select(h => h.GetBoolean() ? laneName : null).ToArray(), 4).ToList(),
            "weights" => Enumerable.Repeat(c.GetProperty("steps").EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Null ? null : s.GetString()).ToArray(), 4).ToList(),
            "lsystem" => c.GetProperty("bars").EnumerateArray().Select(b => b.GetString()!.Split(' ').Select(a => a == "~" ? null : a).ToArray()).ToList(),
            _ => c.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(h => h.GetBoolean() ? laneName : null).ToArray()).ToList(),
        };

        var declaration = c.TryGetProperty("decl", out var decl) ? decl.GetString() + "\n" : "";
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", $"{declaration}track drums channel 10 {{\n  {lane}\n}}\n"), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        for (var bar = 0; bar < expected.Count; bar++)
        {
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
            var steps = expected[bar].Length;
            var want = expected[bar].Select((drum, i) => drum is null ? null : $"{i}:{GmDrums.All[drum]}").OfType<string>().ToList();
            var have = events.Select(e => $"{((e.Begin - bar) * steps).Floor()}:{e.Number}").ToList();
            Assert.All(events, e => Assert.Equal(new Rational(1, steps), e.End - e.Begin));
            Assert.Equal(want, have);
        }
    }

    private static EventStream Stream(string lane)
    {
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", $"track drums channel 10 {{\n  {lane}\n}}\n"), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        return new EventStream(compilation.Piece!);
    }

    /// <summary>life: each bar the live cells of its generation, row r a hit of drum r, one cell a step.</summary>
    private static void LifeGrids(JsonElement c, string lane)
    {
        var drums = c.GetProperty("params").GetProperty("rows").EnumerateArray().Select(d => d.GetString()!).ToArray();
        var grids = c.GetProperty("grids").EnumerateArray().Select(g => g.GetString()!.Split(" | ")).ToList();
        var stream = Stream(lane);
        for (var bar = 0; bar < grids.Count; bar++)
        {
            var rows = grids[bar];
            Assert.Equal(drums.Length, rows.Length);
            var steps = rows[0].Split(' ').Length;
            var want = rows.SelectMany((row, r) => row.Split(' ').Select((cell, i) => cell == "x" ? $"{i}:{GmDrums.All[drums[r]]}" : null))
                .OfType<string>().Order(StringComparer.Ordinal).ToList();
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
            var have = events.Select(e => $"{((e.Begin - bar) * steps).Floor()}:{e.Number}").Order(StringComparer.Ordinal).ToList();
            Assert.All(events, e => Assert.Equal(new Rational(1, steps), e.End - e.Begin));
            Assert.Equal(want, have);
        }
    }

    /// <summary>turing: the onsets' values bar by bar, velocities as numbers, <c>n</c>'s as drum names.</summary>
    private static void TuringValues(JsonElement c, string lane)
    {
        var target = c.GetProperty("params").GetProperty("target").GetString();
        var bars = c.GetProperty("values").EnumerateArray().ToList();
        var stream = Stream(lane);
        for (var bar = 0; bar < bars.Count; bar++)
        {
            var want = bars[bar].EnumerateArray().Select(v => target == "n" ? GmDrums.All[v.GetString()!] : v.GetInt32()).ToList();
            var events = new List<PieceEvent>();
            Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
            Assert.Equal(want, events.OrderBy(e => e.Begin).Select(e => target == "n" ? e.Number : e.Value).ToList());
        }
    }
}
