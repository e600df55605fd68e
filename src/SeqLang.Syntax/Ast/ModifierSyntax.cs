using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>
/// A lane modifier as written: its keyword and arguments. <c>every N MOD</c> keeps MOD in <see cref="Inner"/>;
/// <c>swing P grid G</c> keeps G in <see cref="Grid"/>. The grammar fixes each modifier's arity, so the
/// compiler only checks values.
/// </summary>
public sealed record ModifierSyntax(
    NameSyntax Keyword,
    NumberSyntax? Number,
    StringSyntax? Text,
    NameSyntax? Word,
    NumberSyntax? Grid,
    ModifierSyntax? Inner,
    SourceSpan Span)
{
    public string Name => Keyword.Text;
}

/// <summary>A word where a modifier was expected, with whatever followed it on the line.</summary>
public sealed record UnknownModifierSyntax(NameSyntax Word, SourceSpan Span);
