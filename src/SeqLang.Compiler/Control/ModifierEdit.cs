using System.Globalization;
using System.Numerics;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

/// <summary>
/// Sets one numeric modifier of a lane in a file's text, for a knob mapped to it (<see cref="LaneModifierAction"/>):
/// the number of the lane's last <c>transpose</c> (say) is replaced, or, when the lane has none, <c> transpose 3</c> is
/// appended after the lane's last modifier (after its string when it has none). Nothing else changes. When the
/// modifier's value is a signal or a product (SPEC §12), the knob sets one number in it (<see cref="SlotOf"/>): B of a
/// signal's <c>A..B</c>, the plain number of a product. <see cref="LaneValue"/> sets a cc, bend or touch lane's value the
/// same way.
/// </summary>
/// <remarks>
/// Why through the text: a lane is its string and its modifiers applied in the order written (<c>shift</c> then
/// <c>fast</c> is not <c>fast</c> then <c>shift</c>), compiled by one compiler. Recompiling the edited text is the one
/// way the lane a knob gives is exactly what a render of that text plays; a second, player-only way of applying
/// modifiers would drift from it. Knob positions are not written back to the file on stop (only pad edits of steps
/// are): the edited text is the player's private input to the compiler.
/// </remarks>
public static class ModifierEdit
{
    /// <summary>The word a mapping uses for a control lane's own value: <c>map cc 21 -> synth.cc74 value 0..127</c>.</summary>
    public const string LaneValue = "value";

    /// <summary>
    /// <paramref name="sourceText"/> with <paramref name="modifier"/> of <paramref name="lane"/> (from the piece compiled
    /// from this text) set to <paramref name="value"/>, written as a decimal. With <see cref="LaneValue"/>, the lane's
    /// own value (a cc, bend or touch lane's) is set.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The modifier is not one a knob can set, the value is outside its range or not a finite decimal, the text does
    /// not hold the lane where the piece had it, or the modifier's value has no number a knob can set (a mini string,
    /// a named signal, <c>irand</c>, a product of signals only: <see cref="SlotOf"/>; the map check refuses those).
    /// </exception>
    public static string Set(string sourceText, CompiledLane lane, string modifier, Rational value)
    {
        if (modifier == LaneValue) return SetLaneValue(sourceText, lane, value);
        var mappable = MappableModifier.Find(modifier) ?? throw new ArgumentException($"'{modifier}' is not a modifier a knob can set.", nameof(modifier));
        if (!mappable.Allows(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"{modifier} takes values where it may: {mappable.Advice}.");
        var syntax = FindLane(sourceText, lane);
        var number = Format(value);
        if (LastWritten(syntax, modifier) is { } existing)
        {
            if (existing.Value is { } written) return Write(sourceText, written, number, $"the {modifier} of {lane.FullName}");
            var at = existing.Number!.Span;
            return string.Concat(sourceText.AsSpan(0, at.Start), number, sourceText.AsSpan(at.End));
        }
        var after = syntax.Modifiers.Count > 0 ? syntax.Modifiers[^1].Span.End : (syntax.Step?.Span ?? syntax.Value?.Span ?? syntax.Mini!.Span).End;
        return sourceText.Insert(after, $" {modifier} {number}");
    }

    /// <summary>
    /// The modifier a knob on <paramref name="modifier"/> edits: the last one of that name on the lane's line that has a
    /// number or a value (a knob on a lane's <c>prob</c> replaces its <c>prob saw</c>, it does not add a second one).
    /// </summary>
    internal static ModifierSyntax? LastWritten(LaneSyntax lane, string modifier) =>
        lane.Modifiers.LastOrDefault(m => m.Name == modifier && (m.Number is not null || m.Value is not null));

    /// <summary>
    /// Where a knob's number goes in a value as written, or null with <paramref name="reason"/> (the end of "it is ..."):
    /// <list type="bullet">
    /// <item>a number: that number;</item>
    /// <item>a shape, <c>rand</c>, <c>perlin</c>, <c>ramp</c> or <c>vdc</c> with <c>A..B</c>: B, the value it reaches at 1
    /// (the top of a sweep written low to high, where a ramp goes to);</item>
    /// <item>one without a range: a range <c>0..X</c> inserted after its name (its range is 0..1 until then);</item>
    /// <item>a product: its last factor that is a plain number (the depth: <c>prob saw * 0.5</c>).</item>
    /// </list>
    /// A mini string, a named signal (a definition other lanes may share), <c>irand N</c> and a product of no plain number
    /// have none.
    /// </summary>
    public static KnobSlot? SlotOf(ValueSyntax value, out string reason)
    {
        reason = "";
        switch (value)
        {
            case NumberValueSyntax n:
                return new KnobSlot(n.Number.Span, "");
            case SignalSyntax s when !ValueBinder.SignalWords.Contains(s.Name.Text):
                reason = $"the named signal '{s.Name.Text}', which other lanes may share: map the signal itself ('signal {s.Name.Text} A..B') or write it on the lane";
                return null;
            case SignalSyntax { Name.Text: "irand" }:
                reason = "irand, which has no range";
                return null;
            case SignalSyntax { Range: { } range }:
                return new KnobSlot(range.To.Span, "");
            case SignalSyntax s:
                return new KnobSlot(SourceSpan.FromBounds(s.Name.Span.End, s.Name.Span.End), " 0..");
            case ProductValueSyntax p when p.Factors.LastOrDefault(f => f is NumberValueSyntax) is NumberValueSyntax depth:
                return new KnobSlot(depth.Number.Span, "");
            case ProductValueSyntax:
                reason = "a product with no plain number to set: write one, e.g. 'saw * 1', and the knob sets it";
                return null;
            case MiniValueSyntax:
                reason = "a mini string, a pattern of values rather than one number";
                return null;
            default:
                reason = "a value with no number to set";
                return null;
        }
    }

    /// <summary>
    /// <paramref name="sourceText"/> with the named signal <paramref name="signal"/> (<c>signal NAME VALUE</c>) set to
    /// <paramref name="value"/> where a knob sets it (<see cref="SlotOf"/>): every lane that uses the signal follows.
    /// </summary>
    /// <exception cref="ArgumentException">The text defines no such signal, or its value has no number to set.</exception>
    public static string SetSignal(string sourceText, string signal, Rational value)
    {
        var file = SeqParser.Parse(new SourceText("edit", sourceText), new DiagnosticBag());
        var definition = file.Statements.OfType<SignalDefinitionSyntax>().FirstOrDefault(d => d.Name.Text == signal)
            ?? throw new ArgumentException($"The text defines no signal '{signal}'.", nameof(signal));
        return Write(sourceText, definition.Value, Format(value), $"signal '{signal}'");
    }

    private static string Write(string sourceText, ValueSyntax written, string number, string what)
    {
        var slot = SlotOf(written, out var reason) ?? throw new ArgumentException($"A knob cannot set {what}: it is {reason}.", nameof(sourceText));
        return string.Concat(sourceText.AsSpan(0, slot.At.Start), slot.Prefix, number, sourceText.AsSpan(slot.At.End));
    }

    private static string SetLaneValue(string sourceText, CompiledLane lane, Rational value)
    {
        var syntax = FindLane(sourceText, lane);
        if (syntax.Value is not { } written) throw new ArgumentException($"{lane.FullName} is not a cc, bend or touch lane with a value.", nameof(lane));
        return Write(sourceText, written, Format(value), $"the value of {lane.FullName}");
    }

    /// <summary>The value as the shortest exact decimal (<c>3</c>, <c>-0.25</c>, <c>1.125</c>).</summary>
    public static string Format(Rational value)
    {
        if (value.IsInteger) return value.Numerator.ToString(CultureInfo.InvariantCulture);
        var denominator = new BigInteger(value.Denominator);
        var scale = BigInteger.One;
        for (var digits = 1; digits <= 18; digits++)
        {
            scale *= 10;
            if (scale % denominator != 0) continue;
            var scaled = BigInteger.Abs(value.Numerator * (scale / denominator)).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
            var text = (scaled[..^digits] + "." + scaled[^digits..]).TrimEnd('0');
            return (value.Sign < 0 ? "-" : "") + text;
        }
        throw new ArgumentException($"{value} has no finite decimal form.", nameof(value));
    }

    private static LaneSyntax FindLane(string sourceText, CompiledLane lane)
    {
        var diagnostics = new DiagnosticBag();
        var file = SeqParser.Parse(new SourceText("edit", sourceText), diagnostics);
        var found = file.Statements.OfType<TrackSyntax>().SelectMany(t => Lanes(t.Items)).FirstOrDefault(l => l.Name.Span == lane.Span);
        return found ?? throw new ArgumentException($"The text holds no lane where {lane.FullName} was compiled from.", nameof(sourceText));
    }

    private static IEnumerable<LaneSyntax> Lanes(IReadOnlyList<TrackItemSyntax> items)
    {
        foreach (var item in items)
        {
            if (item is LaneSyntax lane) yield return lane;
            else if (item is InBlockSyntax block)
                foreach (var inner in Lanes(block.Items)) yield return inner;
        }
    }
}

/// <summary>Where a knob's number goes in a value: the text at <see cref="At"/> is replaced by <see cref="Prefix"/> and the number.</summary>
public readonly record struct KnobSlot(SourceSpan At, string Prefix);
