using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

public enum FormShape
{
    /// <summary><c>form { NAME BARS -> ... }</c>: a weighted graph.</summary>
    Graph,
    /// <summary><c>form A 4, B 8</c>: plays once, then the piece ends.</summary>
    Once,
    /// <summary><c>form loop A 4, B 8</c>: repeats forever.</summary>
    Loop,
}

public sealed record FormSyntax(FormShape Shape, IReadOnlyList<FormSectionSyntax> Sections, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>One section. <see cref="Next"/> is null when the line has no <c>-></c> (the section repeats itself).</summary>
public sealed record FormSectionSyntax(NameSyntax Name, NumberSyntax Bars, FormNextSyntax? Next, SourceSpan Span);

/// <summary>What follows a section: <c>-> end</c>, or weighted targets.</summary>
public sealed record FormNextSyntax(bool IsEnd, IReadOnlyList<FormTargetSyntax> Targets, SourceSpan Span);

public sealed record FormTargetSyntax(NameSyntax Section, NumberSyntax? Weight, SourceSpan Span);
