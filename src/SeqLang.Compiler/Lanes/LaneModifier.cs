using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary>A checked modifier (SPEC §3 table), applied to the lane's pattern in the order written.</summary>
internal abstract record LaneModifier(SourceSpan Span)
{
    /// <summary>The modifier a nesting one (<c>every</c>, <c>chunk</c>, <c>sometimes</c>, <c>someCycles</c>, <c>off</c>) applies, or null.</summary>
    public LaneModifier? Nested => this switch
    {
        EveryModifier e => e.Inner,
        ChunkModifier c => c.Inner,
        SometimesModifier s => s.Inner,
        SomeCyclesModifier s => s.Inner,
        OffModifier o => o.Inner,
        _ => null,
    };
}

internal sealed record VelocityModifier(int? Fixed, Patterns.Pattern<int>? Pattern, SourceSpan Span) : LaneModifier(Span);
internal sealed record LegatoModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
internal sealed record ProbabilityModifier(Rational Keep, int Salt, SourceSpan Span) : LaneModifier(Span);
internal sealed record TransposeModifier(int Semitones, SourceSpan Span) : LaneModifier(Span);
internal sealed record FastModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
internal sealed record SlowModifier(Rational Factor, SourceSpan Span) : LaneModifier(Span);
internal sealed record RevModifier(SourceSpan Span) : LaneModifier(Span);
internal sealed record ShiftModifier(Rational Cycles, SourceSpan Span) : LaneModifier(Span);
internal sealed record EveryModifier(int Period, LaneModifier Inner, SourceSpan Span) : LaneModifier(Span);
internal sealed record SwingModifier(Rational Percent, int Grid, SourceSpan Span) : LaneModifier(Span);
internal sealed record HumanizeModifier(Rational Milliseconds, int Salt, SourceSpan Span) : LaneModifier(Span);
internal sealed record MuteModifier(SourceSpan Span) : LaneModifier(Span);
internal sealed record ChannelModifier(int Channel, SourceSpan Span) : LaneModifier(Span);
internal sealed record PlyModifier(int Times, SourceSpan Span) : LaneModifier(Span);
internal sealed record IterModifier(int Parts, SourceSpan Span) : LaneModifier(Span);
internal sealed record PalindromeModifier(SourceSpan Span) : LaneModifier(Span);
internal sealed record ChunkModifier(int Parts, LaneModifier Inner, SourceSpan Span) : LaneModifier(Span);
internal sealed record SometimesModifier(Rational Probability, LaneModifier Inner, int Salt, SourceSpan Span) : LaneModifier(Span);
internal sealed record SomeCyclesModifier(Rational Probability, LaneModifier Inner, int Salt, SourceSpan Span) : LaneModifier(Span);
internal sealed record OffModifier(Rational Cycles, LaneModifier Inner, SourceSpan Span) : LaneModifier(Span);
/// <summary><c>n VALUE</c>: the atoms come from the string (or the number), read in the lane's mode once it is known; <see cref="Atoms"/> is set then.</summary>
internal sealed record NoteValueModifier(Syntax.Ast.ModifierSyntax Syntax, Patterns.Pattern<Atom>? Atoms, SourceSpan Span, Values.ValueExpression? Signal = null) : LaneModifier(Span);
/// <summary>A value modifier whose value is a signal: read at the note's final onset (<see cref="PendingSetting"/>).</summary>
internal sealed record DeferredModifier(PendingSetting Setting, SourceSpan Span) : LaneModifier(Span);
/// <summary>A value modifier whose value is a mini string: read at each event's onset where it is written, as <c>vel "..."</c> is.</summary>
internal sealed record MiniSettingModifier(PendingSetting Setting, Patterns.Pattern<Core.Numbers.FixedPoint> Values, SourceSpan Span) : LaneModifier(Span);
/// <summary><c>shift VALUE</c> or <c>humanize VALUE</c> with a value that is not a number: read at each onset where it is written (it moves the onset).</summary>
internal sealed record ValueShiftModifier(Values.ValueExpression Value, bool Humanize, int Salt, SourceSpan Span) : LaneModifier(Span);
internal sealed record MaskModifier(Patterns.Pattern<bool> Steps, SourceSpan Span) : LaneModifier(Span);
internal sealed record StructModifier(Patterns.Pattern<bool> Steps, SourceSpan Span) : LaneModifier(Span);
/// <summary><c>arp MODE [step S] [octaves K]</c> or <c>arp "MINI"</c> (<see cref="Indices"/>).</summary>
internal sealed record ArpModifier(Patterns.ArpeggioMode Mode, int Octaves, Rational? Step, Patterns.Pattern<int>? Indices, SourceSpan Span) : LaneModifier(Span);
/// <summary><c>lock N [at K]</c>.</summary>
internal sealed record LockModifier(int Bars, int From, SourceSpan Span) : LaneModifier(Span);
/// <summary><c>groove NAME [amount A]</c>.</summary>
internal sealed record GrooveModifier(Grooves.Groove Groove, Rational Amount, SourceSpan Span) : LaneModifier(Span);
