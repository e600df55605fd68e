using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

public sealed record TitleSyntax(StringSyntax Text, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>tempo A</c> or <c>tempo A -> B over N bars</c>.</summary>
public sealed record TempoSyntax(NumberSyntax Bpm, TempoRampSyntax? Ramp, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record TempoRampSyntax(NumberSyntax Target, NumberSyntax Bars, SourceSpan Span);

public sealed record MeterSyntax(NumberSyntax Numerator, NumberSyntax Denominator, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>key E minor</c>; <see cref="Tonic"/> includes a sharp written as a separate character (<c>F#</c>).</summary>
public sealed record KeySyntax(NameSyntax Tonic, NameSyntax Mode, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record SeedSyntax(NumberSyntax Value, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record SwingSettingSyntax(NumberSyntax Percent, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record OutputSyntax(StringSyntax Port, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record InputSyntax(StringSyntax Port, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>clock out</c> or <c>clock in ["port"]</c>.</summary>
public sealed record ClockSyntax(bool IsOut, StringSyntax? Port, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>scale NAME 0 2 3 5 7 8 10</c>: a user scale as semitone steps from the tonic.</summary>
public sealed record ScaleSyntax(NameSyntax Name, IReadOnlyList<NumberSyntax> Steps, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

/// <summary><c>kit NAME { kick 36 snare 40 }</c>: drum names of a hardware drum machine.</summary>
public sealed record KitSyntax(NameSyntax Name, IReadOnlyList<KitEntrySyntax> Entries, SourceSpan Span, SourceSpan Keyword) : StatementSyntax(Span, Keyword);

public sealed record KitEntrySyntax(NameSyntax Name, NumberSyntax Note, SourceSpan Span);
