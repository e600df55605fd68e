using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>A value as written (SPEC §12): a number, a mini string, a signal, a named signal or a product of these.</summary>
public abstract record ValueSyntax(SourceSpan Span);

public sealed record NumberValueSyntax(NumberSyntax Number) : ValueSyntax(Number.Span);

public sealed record MiniValueSyntax(StringSyntax Text) : ValueSyntax(Text.Span);

/// <summary>
/// <c>NAME [N] [A..B] [over LENGTH] [phase F] [ease E] [step S]</c>: a shape (<c>sine</c>, <c>ramp</c>, ...), a generator, or
/// the name of a <c>signal</c> definition; which one is decided by the checker, so a misspelt shape gets a suggestion.
/// A generator over a loop of values (<c>turing "MINI" drift P</c>) has <see cref="Loop"/>; named options of value
/// generators (<c>drift 0.1</c>, <c>nir 0.5</c>, <c>range c3..c5</c>) are <see cref="Named"/>, in written order.
/// </summary>
public sealed record SignalSyntax(
    NameSyntax Name,
    NumberSyntax? Argument,
    ValueRangeSyntax? Range,
    LengthSyntax? Over,
    NumberSyntax? Phase,
    NameSyntax? Ease,
    SourceSpan Span,
    NumberSyntax? Step = null,
    StringSyntax? Loop = null,
    IReadOnlyList<NamedOptionSyntax>? Named = null) : ValueSyntax(Span)
{
    public IReadOnlyList<NamedOptionSyntax> NamedOptions => Named ?? Array.Empty<NamedOptionSyntax>();
}

/// <summary>A value generator's named option: a number (<c>nir 0.5</c>) or a range (<c>range c3..c5</c>, <c>range 48..72</c>).</summary>
public sealed record NamedOptionSyntax(NameSyntax Word, NumberSyntax? Number, PitchRangeSyntax? Range, SourceSpan Span);

/// <summary><c>A..B</c> whose ends are numbers or note names (words); <see cref="Low"/> and <see cref="High"/> are as written.</summary>
public sealed record PitchRangeSyntax(NameSyntax Low, NameSyntax High, SourceSpan Span);

/// <summary><c>A * B * ...</c>.</summary>
public sealed record ProductValueSyntax(IReadOnlyList<ValueSyntax> Factors, SourceSpan Span) : ValueSyntax(Span);

/// <summary><c>over N bars</c>, <c>over N beats</c> or <c>over section</c> (<see cref="Count"/> null).</summary>
public sealed record LengthSyntax(NumberSyntax? Count, NameSyntax Unit, SourceSpan Span);

/// <summary><c>step S</c> of a control lane: a number or a fraction <c>N/D</c> of bars.</summary>
public sealed record StepSyntax(NumberSyntax Numerator, NumberSyntax? Denominator, SourceSpan Span);

/// <summary><c>signal NAME VALUE</c> at the top level.</summary>
public sealed record SignalDefinitionSyntax(NameSyntax Name, ValueSyntax Value, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);
