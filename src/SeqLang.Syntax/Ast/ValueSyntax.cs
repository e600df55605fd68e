using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>A value as written (SPEC §12): a number, a mini string, a signal, a named signal or a product of these.</summary>
public abstract record ValueSyntax(SourceSpan Span);

public sealed record NumberValueSyntax(NumberSyntax Number) : ValueSyntax(Number.Span);

public sealed record MiniValueSyntax(StringSyntax Text) : ValueSyntax(Text.Span);

/// <summary>
/// <c>NAME [N] [A..B] [over LENGTH] [phase F] [ease E] [step S]</c>: a shape (<c>sine</c>, <c>ramp</c>, ...), a generator, or
/// the name of a <c>signal</c> definition; which one is decided by the checker, so a misspelt shape gets a suggestion.
/// </summary>
public sealed record SignalSyntax(
    NameSyntax Name,
    NumberSyntax? Argument,
    ValueRangeSyntax? Range,
    LengthSyntax? Over,
    NumberSyntax? Phase,
    NameSyntax? Ease,
    SourceSpan Span,
    NumberSyntax? Step = null) : ValueSyntax(Span);

/// <summary><c>A * B * ...</c>.</summary>
public sealed record ProductValueSyntax(IReadOnlyList<ValueSyntax> Factors, SourceSpan Span) : ValueSyntax(Span);

/// <summary><c>over N bars</c>, <c>over N beats</c> or <c>over section</c> (<see cref="Count"/> null).</summary>
public sealed record LengthSyntax(NumberSyntax? Count, NameSyntax Unit, SourceSpan Span);

/// <summary><c>step S</c> of a control lane: a number or a fraction <c>N/D</c> of bars.</summary>
public sealed record StepSyntax(NumberSyntax Numerator, NumberSyntax? Denominator, SourceSpan Span);

/// <summary><c>signal NAME VALUE</c> at the top level.</summary>
public sealed record SignalDefinitionSyntax(NameSyntax Name, ValueSyntax Value, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);
