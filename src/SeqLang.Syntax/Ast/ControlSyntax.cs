using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary><c>map SOURCE -> ACTION</c>: a controller message drives an action while the piece plays.</summary>
public sealed record MapSyntax(ControlSourceSyntax Source, ControlActionSyntax Action, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary><c>key "m" -> ACTION</c>: a terminal hotkey of the player. <see cref="Key"/> holds the character.</summary>
public sealed record KeyBindingSyntax(StringSyntax Key, ControlActionSyntax Action, SourceSpan Span, SourceSpan Keyword)
    : StatementSyntax(Span, Keyword);

/// <summary>
/// <c>feedback "PORT" steps LANE notes A..B [OPTION N]*</c> or <c>feedback "PORT" mute TARGET note N [OPTION N]*</c>:
/// the player lights a controller's pads. <see cref="Kind"/> is <c>steps</c> or <c>mute</c> as written (checked later),
/// <see cref="NotesWord"/> is <c>note</c> or <c>notes</c>, <see cref="Last"/> the end of a range.
/// </summary>
public sealed record FeedbackSyntax(
    StringSyntax Port,
    NameSyntax Kind,
    LaneRefSyntax Target,
    NameSyntax NotesWord,
    NumberSyntax First,
    NumberSyntax? Last,
    IReadOnlyList<FeedbackOptionSyntax> Options,
    SourceSpan Span,
    SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary>A feedback option: <c>channel N</c>, or a velocity such as <c>on 60</c> (the word is checked later).</summary>
public sealed record FeedbackOptionSyntax(NameSyntax Word, NumberSyntax Value, SourceSpan Span);

/// <summary>
/// What a mapping listens to, as written: <see cref="Kind"/> is <c>cc</c>, <c>note</c>, <c>notes</c>, <c>nrpn</c> or
/// <c>rpn</c> (any other word is kept for the checker). <see cref="Second"/> follows a colon (<c>cc 1:33</c>,
/// <c>nrpn 0:32</c>); <see cref="Last"/> follows <c>..</c> (<c>notes 48..63</c>). <see cref="Channel"/> is the
/// optional <c>channel N</c> filter.
/// </summary>
public sealed record ControlSourceSyntax(
    NameSyntax Kind,
    NumberSyntax Number,
    NumberSyntax? Second,
    NumberSyntax? Last,
    NumberSyntax? Channel,
    SourceSpan Span);

/// <summary><c>TRACK</c> or <c>TRACK.LANE</c>; a lone name is also how actions name a section (<c>next chorus</c>).</summary>
public sealed record LaneRefSyntax(NameSyntax Track, NameSyntax? Lane, SourceSpan Span)
{
    public string Text => Lane is null ? Track.Text : $"{Track.Text}.{Lane.Text}";
}

/// <summary><c>A..B</c>: the values a knob sweeps, from its lowest position to its highest (A may exceed B).</summary>
public sealed record ValueRangeSyntax(NumberSyntax From, NumberSyntax To, SourceSpan Span);

/// <summary>What a mapping or hotkey does.</summary>
public abstract record ControlActionSyntax(SourceSpan Span);

/// <summary><c>tempo A..B</c>.</summary>
public sealed record TempoActionSyntax(NameSyntax Keyword, ValueRangeSyntax Range, SourceSpan Span) : ControlActionSyntax(Span);

/// <summary><c>mute TARGET</c>: toggles a lane or a whole track.</summary>
public sealed record MuteActionSyntax(NameSyntax Keyword, LaneRefSyntax Target, SourceSpan Span) : ControlActionSyntax(Span);

/// <summary><c>next SECTION</c>, <c>jump SECTION</c>, <c>steps LANE</c> (or a misspelt verb, kept for the checker).</summary>
public sealed record VerbActionSyntax(NameSyntax Verb, LaneRefSyntax Target, SourceSpan Span) : ControlActionSyntax(Span);

/// <summary><c>LANE vel A..B</c> or <c>LANE MODIFIER A..B</c>: a knob sets a lane's velocity scale or numeric modifier.</summary>
public sealed record LaneActionSyntax(LaneRefSyntax Lane, NameSyntax Parameter, ValueRangeSyntax Range, SourceSpan Span) : ControlActionSyntax(Span);
