using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Syntax.Ast;

/// <summary>A name as written (track, lane, section, mode, style...).</summary>
public sealed record NameSyntax(string Text, SourceSpan Span);

/// <summary>A number as written, with its exact value (null when the literal does not fit).</summary>
public sealed record NumberSyntax(string Text, Rational? Value, SourceSpan Span)
{
    public bool IsInteger => Value is { IsInteger: true };

    /// <summary>The number written as <paramref name="text"/>, its value read exactly.</summary>
    public static NumberSyntax Written(string text, SourceSpan span) => new(text, Rational.TryParseDecimal(text, out var value) ? value : null, span);

    /// <summary><c>N/D</c> as one number to the checker: 1/32 is the value 1/32, written "1/32" (no value when D is 0).</summary>
    public static NumberSyntax Fraction(NumberSyntax numerator, NumberSyntax denominator, SourceSpan span) =>
        new($"{numerator.Text}/{denominator.Text}", numerator.Value is { } a && denominator.Value is { } b && !b.IsZero ? a / b : null, span);
}

/// <summary>A string literal. <see cref="ContentStart"/> is the file offset of its first character after the quote,
/// so spans inside the string map back into the file.</summary>
public sealed record StringSyntax(string Content, int ContentStart, SourceSpan Span);
