using System.Text.Json;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Tests.Support;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// <c>arp "MINI"</c> against Strudel 1.2.6's <c>.arp(...)</c>. Vectors/arp.cases.json pairs each expression with the
/// SeqLang lane that means the same; Vectors/arp.expected.json holds Strudel's events for 8 cycles, made by
/// tests/tools/strudel-oracle (<c>node strudel-expr.mjs ../../SeqLang.Compiler.Tests/Vectors/arp.cases.json 8
/// ../../SeqLang.Compiler.Tests/Vectors/arp.expected.json</c>). Cases whose <c>seq</c> is null differ on purpose; their
/// <c>differs</c> says why, and other tests hold SeqLang's reading.
/// </summary>
public class ArpVectorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.cases.json")));
        foreach (var c in cases.RootElement.EnumerateArray())
            if (c.GetProperty("seq").ValueKind == JsonValueKind.String) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [Fact]
    public void Every_case_is_compared_or_says_why_not()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.cases.json")));
        foreach (var c in cases.RootElement.EnumerateArray())
            Assert.True(c.GetProperty("seq").ValueKind == JsonValueKind.String || c.TryGetProperty("differs", out _), c.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_lane_arpeggiates_as_Strudel_does(string id)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.cases.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "arp.expected.json")));
        var lane = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetString()!;
        var reference = expected.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var cycles = expected.RootElement.GetProperty("cycles").GetInt32();

        var want = reference.GetProperty("events").EnumerateArray()
            .Select(e => Line(Rational.Parse(e.GetProperty("begin").GetString()!), Rational.Parse(e.GetProperty("end").GetString()!), Note(e.GetProperty("value"))))
            .Order(StringComparer.Ordinal).ToList();

        var compilation = SeqCompiler.Compile(new SourceText("t.seq", $"tempo 120\ntrack t channel 1 {{\n  {lane}\n}}\n"), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        for (var bar = 0; bar < cycles; bar++) Assert.True(stream.Bar(bar, events, new DiagnosticBag()));
        var have = events.Select(e => Line(e.Begin, e.End, e.Number)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(want, have);
    }

    private static int Note(JsonElement value) => StrudelReference.Note(value);

    private static string Line(Rational begin, Rational end, int note) => $"{begin} {end} {note}";
}
