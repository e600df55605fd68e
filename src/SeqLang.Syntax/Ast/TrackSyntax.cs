using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary><c>track NAME channel C [program P] [bank M[:L]] [kit K] { ... }</c>.</summary>
public sealed record TrackSyntax(NameSyntax Name, IReadOnlyList<TrackOptionSyntax> Options, IReadOnlyList<TrackItemSyntax> Items, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>A track header option: <c>channel</c>, <c>program</c>, <c>bank</c> (Value2 is the LSB) or <c>kit</c>.</summary>
public sealed record TrackOptionSyntax(NameSyntax Keyword, NumberSyntax? Value, NumberSyntax? Value2, NameSyntax? Name, SourceSpan Span);

public abstract record TrackItemSyntax(SourceSpan Span);

/// <summary>
/// A lane: <c>NAME "MINI" MODIFIER*</c>, <c>play "MINI" ...</c> or <c>cc N "MINI" ...</c>
/// (<see cref="Controller"/> set). <see cref="Unknown"/> is a trailing word that is no modifier.
/// </summary>
public sealed record LaneSyntax(
    NameSyntax Name,
    NumberSyntax? Controller,
    StringSyntax Mini,
    IReadOnlyList<ModifierSyntax> Modifiers,
    UnknownModifierSyntax? Unknown,
    SourceSpan Span) : TrackItemSyntax(Span)
{
    public bool IsPlay => Controller is null && Name.Text == "play";
    public bool IsControl => Controller is not null;
}

/// <summary><c>every N MODIFIER</c> on its own line: applies to every lane of its block.</summary>
public sealed record EveryItemSyntax(ModifierSyntax Every, SourceSpan Span) : TrackItemSyntax(Span);

/// <summary><c>in SECTION[, SECTION] { LANE ... }</c> inside a track.</summary>
public sealed record InBlockSyntax(IReadOnlyList<NameSyntax> Sections, IReadOnlyList<TrackItemSyntax> Items, SourceSpan Span) : TrackItemSyntax(Span);
