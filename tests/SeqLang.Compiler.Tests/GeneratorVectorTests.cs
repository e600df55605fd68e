using System.Text.Json;
using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// SPEC §15's rhythm generators against an independent reference written in Python from the spec alone
/// (tests/tools/generators-reference; <c>python3 make_vectors.py</c> writes Vectors/generators.json). Each case's lane
/// plays, bar by bar, exactly the steps the reference computed: Bresenham and weights every bar, an elementary
/// automaton one generation a bar, an L-system's word one atom per step across bar lines.
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
}
