using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary><c>track NAME channel C [program P] [bank M[:L]] [kit K] { ... }</c>.</summary>
public sealed record TrackSyntax(NameSyntax Name, IReadOnlyList<TrackOptionSyntax> Options, IReadOnlyList<TrackItemSyntax> Items, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>A track header option: <c>channel</c>, <c>program</c>, <c>bank</c> (Value2 is the LSB), <c>kit</c> or <c>bend</c> (its range).</summary>
public sealed record TrackOptionSyntax(NameSyntax Keyword, NumberSyntax? Value, NumberSyntax? Value2, NameSyntax? Name, SourceSpan Span);

public abstract record TrackItemSyntax(SourceSpan Span);

/// <summary>
/// A lane: <c>NAME "MINI" MODIFIER*</c>, <c>play "MINI" ...</c>, or a control lane (SPEC §13) <c>cc N VALUE [step S]</c>
/// (<see cref="Controller"/> set), <c>bend VALUE [step S]</c> or <c>touch VALUE [step S]</c>, whose value is in
/// <see cref="Value"/>. <see cref="Mini"/> is the lane's string, or null when a control lane's value is not one or
/// a <see cref="Generator"/> gives the lane's rhythm (SPEC §15).
/// <see cref="Unknown"/> is a trailing word that is no modifier.
/// </summary>
public sealed record LaneSyntax(
    NameSyntax Name,
    NumberSyntax? Controller,
    StringSyntax? Mini,
    IReadOnlyList<ModifierSyntax> Modifiers,
    UnknownModifierSyntax? Unknown,
    SourceSpan Span,
    ValueSyntax? Value = null,
    StepSyntax? Step = null,
    RhythmGeneratorSyntax? Generator = null) : TrackItemSyntax(Span)
{
    public bool IsPlay => Value is null && Name.Text == "play";
    public bool IsControl => Controller is not null;
    public bool IsBend => Value is not null && Name.Text == "bend";
    public bool IsTouch => Value is not null && Name.Text == "touch";
    /// <summary>A cc, bend or touch lane.</summary>
    public bool IsValueLane => Value is not null;
}

/// <summary><c>every N MODIFIER</c> on its own line: applies to every lane of its block.</summary>
public sealed record EveryItemSyntax(ModifierSyntax Every, SourceSpan Span) : TrackItemSyntax(Span);

/// <summary><c>in SECTION[, SECTION] { LANE ... }</c> inside a track.</summary>
public sealed record InBlockSyntax(IReadOnlyList<NameSyntax> Sections, IReadOnlyList<TrackItemSyntax> Items, SourceSpan Span) : TrackItemSyntax(Span);
