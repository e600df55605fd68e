using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>
/// <c>groove NAME "file.agr"</c> (<see cref="File"/> set) or <c>groove NAME grid G { shift "..." vel "..." }</c>
/// (SPEC §14): timing and velocity for the slots of each bar.
/// </summary>
public sealed record GrooveSyntax(NameSyntax Name, StringSyntax? File, NumberSyntax? Grid, IReadOnlyList<GrooveFieldSyntax> Fields, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>One field of a grid groove: <c>shift "0 0.1 0 -0.05"</c> or <c>vel "1 0.7 0.9 0.6"</c>.</summary>
public sealed record GrooveFieldSyntax(NameSyntax Field, StringSyntax Text, SourceSpan Span);
