using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>
/// <c>lsystem NAME { axiom "MINI"  ATOM -> "MINI" [W] | "MINI" [W] ... }</c> at the top level (SPEC §15).
/// <see cref="Axioms"/> holds every <c>WORD "MINI"</c> item (the checker wants exactly one, spelt <c>axiom</c>).
/// </summary>
public sealed record LsystemSyntax(NameSyntax Name, IReadOnlyList<LsystemAxiomSyntax> Axioms, IReadOnlyList<LsystemRuleSyntax> Rules, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

public sealed record LsystemAxiomSyntax(NameSyntax Word, StringSyntax Text, SourceSpan Span);

/// <summary><c>ATOM -> "MINI" [W] | "MINI" [W]</c>: the atom as written (bare or quoted) and its weighted alternatives.</summary>
public sealed record LsystemRuleSyntax(string Atom, SourceSpan AtomSpan, IReadOnlyList<LsystemChoiceSyntax> Choices, SourceSpan Span);

public sealed record LsystemChoiceSyntax(StringSyntax Text, NumberSyntax? Weight, SourceSpan Span);
