using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary><c>markov NAME { STATE -> STATE [W] | STATE [W] ... }</c> at the top level (SPEC §15).</summary>
public sealed record MarkovSyntax(NameSyntax Name, IReadOnlyList<MarkovRuleSyntax> Rules, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary>One state's ways out, each with its weight (1 when none is written).</summary>
public sealed record MarkovRuleSyntax(MarkovStateSyntax From, IReadOnlyList<MarkovChoiceSyntax> To, SourceSpan Span);

public sealed record MarkovChoiceSyntax(MarkovStateSyntax State, NumberSyntax? Weight);

/// <summary>A state as written: an atom, bare or quoted.</summary>
public sealed record MarkovStateSyntax(string Text, SourceSpan Span);

/// <summary><c>markov NAME</c> as a value: the chain's walk, one transition per onset.</summary>
public sealed record MarkovValueSyntax(NameSyntax Chain, SourceSpan Span) : ValueSyntax(Span);
