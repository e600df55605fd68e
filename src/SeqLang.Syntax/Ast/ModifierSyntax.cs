using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>
/// A lane modifier as written: its keyword and arguments. <c>every N MOD</c> keeps MOD in <see cref="Inner"/>;
/// <c>swing P grid G</c> keeps G in <see cref="Grid"/>. The grammar fixes each modifier's arity, so the
/// compiler only checks values. A modifier that takes a value (SPEC §12) has it in <see cref="Value"/>; when that
/// value is a bare number or string it is also in <see cref="Number"/> or <see cref="Text"/>.
/// </summary>
public sealed record ModifierSyntax(
    NameSyntax Keyword,
    NumberSyntax? Number,
    StringSyntax? Text,
    NameSyntax? Word,
    NumberSyntax? Grid,
    ModifierSyntax? Inner,
    SourceSpan Span,
    ValueSyntax? Value = null,
    IReadOnlyList<FunctionOptionSyntax>? Options = null)
{
    public string Name => Keyword.Text;
}

/// <summary>An option of <c>arp</c>, <c>strum</c>, <c>lock</c> or <c>groove</c>: <c>step 1/16</c>, <c>octaves 2</c>, <c>down</c>, <c>at 4</c>, <c>amount 0.5</c>.</summary>
public sealed record FunctionOptionSyntax(NameSyntax Word, NumberSyntax? Number, NumberSyntax? Denominator, SourceSpan Span);

/// <summary>A word where a modifier was expected, with whatever followed it on the line.</summary>
public sealed record UnknownModifierSyntax(NameSyntax Word, SourceSpan Span);
