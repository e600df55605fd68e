using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Control;

/// <summary>
/// <c>map SOURCE -> ACTION</c>, checked. <see cref="Text"/> is the statement as written (for the player's <c>?</c> list),
/// <see cref="Span"/> where it is.
/// </summary>
public sealed record ControlMapping(ControlSource Source, ControlAction Action, string Text, SourceSpan Span)
{
    /// <summary>
    /// The value a knob action (<see cref="KnobAction"/>) takes for a raw input value of this mapping's source
    /// (0..127, or 0..16383 for 14-bit sources): see <see cref="KnobAction.ValueAt"/>.
    /// </summary>
    public Rational ValueOf(int raw) => Action is KnobAction knob
        ? knob.ValueAt(raw, Source.MaxValue)
        : throw new InvalidOperationException($"'{Text}' is a switch, not a knob: it has no value.");
}
