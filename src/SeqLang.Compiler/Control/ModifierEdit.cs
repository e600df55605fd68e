using System.Globalization;
using System.Numerics;
using SeqLang.Compiler.Lanes;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

/// <summary>
/// Sets one numeric modifier of a lane in a file's text, for a knob mapped to it (<see cref="LaneModifierAction"/>):
/// the number of the lane's last <c>transpose</c> (say) is replaced, or, when the lane has none, <c> transpose 3</c> is
/// appended after the lane's last modifier (after its string when it has none). Nothing else changes.
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
    /// <summary>
    /// <paramref name="sourceText"/> with <paramref name="modifier"/> of <paramref name="lane"/> (from the piece compiled
    /// from this text) set to <paramref name="value"/>, written as a decimal.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The modifier is not one a knob can set, the value is outside its range or not a finite decimal, or the text does
    /// not hold the lane where the piece had it.
    /// </exception>
    public static string Set(string sourceText, CompiledLane lane, string modifier, Rational value)
    {
        var mappable = MappableModifier.Find(modifier) ?? throw new ArgumentException($"'{modifier}' is not a modifier a knob can set.", nameof(modifier));
        if (!mappable.Allows(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"{modifier} takes values where it may: {mappable.Advice}.");
        var syntax = FindLane(sourceText, lane);
        var number = Format(value);
        var existing = syntax.Modifiers.LastOrDefault(m => m.Name == modifier && m.Number is not null);
        if (existing is not null)
        {
            var at = existing.Number!.Span;
            return string.Concat(sourceText.AsSpan(0, at.Start), number, sourceText.AsSpan(at.End));
        }
        var after = syntax.Modifiers.Count > 0 ? syntax.Modifiers[^1].Span.End : (syntax.Step?.Span ?? syntax.Value?.Span ?? syntax.Mini!.Span).End;
        return sourceText.Insert(after, $" {modifier} {number}");
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
