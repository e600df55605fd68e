using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Syntax.Ast;

/// <summary>A name as written (track, lane, section, mode, style...).</summary>
public sealed record NameSyntax(string Text, SourceSpan Span);

/// <summary>A number as written, with its exact value (null when the literal does not fit).</summary>
public sealed record NumberSyntax(string Text, Rational? Value, SourceSpan Span)
{
    public bool IsInteger => Value is { IsInteger: true };
}

/// <summary>A string literal. <see cref="ContentStart"/> is the file offset of its first character after the quote,
/// so spans inside the string map back into the file.</summary>
public sealed record StringSyntax(string Content, int ContentStart, SourceSpan Span);
