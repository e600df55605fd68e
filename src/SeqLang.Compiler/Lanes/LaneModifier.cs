using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary>A checked modifier (SPEC §3 table), applied to the lane's pattern in the order written.</summary>
public abstract record LaneModifier(SourceSpan Span);

public sealed record VelocityModifier(int? Fixed, Patterns.Pattern<int>? Pattern, SourceSpan Span) : LaneModifier(Span);
public sealed record LegatoModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
public sealed record ProbabilityModifier(Rational Keep, int Salt, SourceSpan Span) : LaneModifier(Span);
public sealed record TransposeModifier(int Semitones, SourceSpan Span) : LaneModifier(Span);
public sealed record FastModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
public sealed record SlowModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
public sealed record RevModifier(SourceSpan Span) : LaneModifier(Span);
public sealed record ShiftModifier(Rational Cycles, SourceSpan Span) : LaneModifier(Span);
public sealed record EveryModifier(int Period, LaneModifier Inner, SourceSpan Span) : LaneModifier(Span);
public sealed record SwingModifier(Rational Percent, int Grid, SourceSpan Span) : LaneModifier(Span);
public sealed record HumanizeModifier(Rational Milliseconds, int Salt, SourceSpan Span) : LaneModifier(Span);
public sealed record MuteModifier(SourceSpan Span) : LaneModifier(Span);
public sealed record ChannelModifier(int Channel, SourceSpan Span) : LaneModifier(Span);
