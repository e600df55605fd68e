using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;
using SeqLang.Tests.Support;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// SPEC §12's shapes on a §13 control lane against Strudel itself. Vectors/signals.cases.json pairs each Strudel
/// expression (<c>sine.range(0,127).segment(16)</c>) with the SeqLang lane that means the same
/// (<c>cc 74 sine 0..127 step 1/16</c>); Vectors/signals.expected.json holds Strudel 1.2.6's events for 8 cycles,
/// made by tests/tools/strudel-oracle (<c>node strudel-expr.mjs ../../SeqLang.Compiler.Tests/Vectors/signals.cases.json
/// 8 ../../SeqLang.Compiler.Tests/Vectors/signals.expected.json</c>). Strudel's <c>segment</c> reads a signal at
/// the begin of each segment (signal.mjs queries <c>func(state.span.begin)</c>, and <c>struct</c> queries the signal
/// over each segment's whole), which is SeqLang's step onset, so the expressions need no correction. SeqLang
/// rounds each step's value half up and sends only changes; the expected events are Strudel's values treated so.
/// </summary>
public class SignalVectorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Vectors");


    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "signals.cases.json")));
        foreach (var c in cases.RootElement.EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    /// <summary>Awaits the main developer's control-lane signal syntax (§13 <c>cc N VALUE step S</c>); fails to compile the lane until then.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_control_lane_sends_what_Strudel_segments(string id)
    {
        var (lane, steps, cycles) = Load(id);
        var compilation = SeqCompiler.Compile(new SourceText("t.seq", $"tempo 120\ntrack t channel 1 {{\n  {lane}\n}}\n"), new CompileOptions());
        Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
        var stream = new EventStream(compilation.Piece!);
        var events = new List<PieceEvent>();
        var diagnostics = new DiagnosticBag();
        for (var bar = 0; bar < cycles; bar++) Assert.True(stream.Bar(bar, events, diagnostics));
        var sent = events.Where(e => e.Kind == PieceEventKind.Control && e.Number == 74)
            .Select(e => (e.Begin, (long)e.Value)).OrderBy(e => e.Begin).ToList();

        AssertSameMessages(steps, sent);
    }

    /// <summary>
    /// The exact math alone, with no compiler: the lane's shape read by <see cref="SignalShapes.Of"/> at each step,
    /// mapped onto A..B by <see cref="FixedPoint.Lerp"/> and rounded half up, sends Strudel's messages.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_exact_shapes_round_to_Strudels_values(string id)
    {
        var (lane, steps, _) = Load(id);
        var m = LanePattern.Match(lane);
        Assert.True(m.Success, $"the test's reading of the lane does not cover: {lane}");
        var shape = Enum.Parse<SignalShape>(m.Groups["shape"].Value, ignoreCase: true);
        var from = FixedPoint.FromInteger(long.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture));
        var to = FixedPoint.FromInteger(long.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture));
        var period = m.Groups["bars"].Success ? Rational.Parse(m.Groups["bars"].Value) : Rational.One;
        var phase = Rational.Zero;
        Assert.True(!m.Groups["phase"].Success || Rational.TryParseDecimal(m.Groups["phase"].Value, out phase));

        var sent = new List<(Rational, long)>();
        foreach (var (onset, _) in steps)
        {
            var value = FixedPoint.Lerp(from, to, SignalShapes.Of(shape, onset / period + phase)).RoundHalfUp();
            if (sent.Count == 0 || sent[^1].Item2 != value) sent.Add((onset, value));
        }

        AssertSameMessages(steps, sent);
    }

    private static readonly Regex LanePattern = new(
        @"^cc 74 (?<shape>\w+) (?<from>\d+)\.\.(?<to>\d+)( over (?<bars>\d+) bars)?( phase (?<phase>[\d.]+))? step (?<step>\S+)$");

    private static (string Lane, List<(Rational Onset, double Value)> Steps, int Cycles) Load(string id) => StrudelReference.Signal(Folder, id);

    private static void AssertSameMessages(List<(Rational Onset, double Value)> steps, List<(Rational Onset, long Value)> sent) =>
        Assert.Equal(StrudelReference.Messages(steps, sent), sent.Select(e => $"{e.Onset} {e.Value}").ToList());
}
