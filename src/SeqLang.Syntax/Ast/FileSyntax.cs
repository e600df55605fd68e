using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>The whole .seq file: its statements in file order.</summary>
public sealed record FileSyntax(IReadOnlyList<StatementSyntax> Statements, SourceSpan Span);

/// <summary>Any top-level statement. <see cref="Keyword"/> spans its leading word, used for "repeated setting" diagnostics.</summary>
public abstract record StatementSyntax(SourceSpan Span, SourceSpan Keyword);

/// <summary>A line starting with a word that is no statement, kept so the checker can suggest one.</summary>
public sealed record UnknownStatementSyntax(NameSyntax Word, SourceSpan Span) : StatementSyntax(Span, Word.Span);
