using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary><c>chords "MINI"</c>: lead-sheet chords, top level or in a section block.</summary>
public sealed record ChordsSyntax(StringSyntax Mini, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>harmony STYLE [every N bars] [gravity G]</c>.</summary>
public sealed record HarmonySyntax(NameSyntax Style, NumberSyntax? EveryBars, NumberSyntax? Gravity, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>Top-level <c>in SECTION[, SECTION] { chords "..." | tempo ... }</c>.</summary>
public sealed record SectionBlockSyntax(IReadOnlyList<NameSyntax> Sections, IReadOnlyList<StatementSyntax> Body, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);
