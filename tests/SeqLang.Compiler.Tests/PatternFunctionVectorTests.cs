using System.Text.Json;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// SPEC §14's pattern functions against Strudel itself. Vectors/pattern-functions.cases.json pairs each Strudel
/// expression with the SeqLang lane that means the same; Vectors/pattern-functions.expected.json holds Strudel
/// 1.2.6's events for 8 cycles, made by tests/tools/strudel-oracle (`node strudel-expr.mjs
/// ../../SeqLang.Compiler.Tests/Vectors/pattern-functions.cases.json 8 ../../SeqLang.Compiler.Tests/Vectors/pattern-functions.expected.json`).
/// Each bar's events must be Strudel's cycle's: onsets, ends and notes.
/// </summary>
public class PatternFunctionVectorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.cases.json")));
        foreach (var c in cases.RootElement.EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_lane_plays_what_Strudel_plays(string id)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.cases.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pattern-functions.expected.json")));
        var lane = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetString()!;
        var reference = expected.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.False(reference.TryGetProperty("error", out var error), $"Strudel failed on {id}: {error}");
        var cycles = expected.RootElement.GetProperty("cycles").GetInt32();

        var want = reference.GetProperty("events").EnumerateArray()
            .Select(e => Line(Rational.Parse(e.GetProperty("begin").GetString()!), Rational.Parse(e.GetProperty("end").GetString()!), e.GetProperty("value").GetProperty("note").GetInt32()))
            .Order(StringComparer.Ordinal).ToList();

        var compilation = SeqCompiler.Compile(new SourceText("t.seq", $"tempo 120\ntrack t channel 1 {{\n  {lane}\n}}\n"), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        var diagnostics = new DiagnosticBag();
        for (var bar = 0; bar < cycles; bar++) Assert.True(stream.Bar(bar, events, diagnostics));
        var have = events.Select(e => Line(e.Begin, e.End, e.Number)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(want, have);
    }

    private static string Line(Rational begin, Rational end, int note) => $"{begin} {end} {note}";
}
