using SeqLang.Compiler.Values;
using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The settings a note still waits for, newest first. Lists are shared between notes: a modifier adds one node
/// in front of whatever list a note arrives with, and most notes arrive with the same list.
/// </summary>
public sealed class PendingValues
{
    internal PendingValues(PendingSetting setting, PendingValues? next)
    {
        Setting = setting;
        Next = next;
    }

    internal PendingSetting Setting { get; }
    internal PendingValues? Next { get; }

    /// <summary>This list without the settings of <paramref name="target"/>: a plain number written later replaces them.</summary>
    internal PendingValues? Without(ValueTarget target)
    {
        if (Next?.Without(target) is var rest && Setting.Target == target) return rest;
        return ReferenceEquals(rest, Next) ? this : new PendingValues(Setting, rest);
    }

    /// <summary>
    /// Applies the settings oldest first at <paramref name="context"/>; false when a <c>prob</c> drops the note. A value
    /// generator's setting takes its value from <paramref name="generators"/>, which moves its state one onset on.
    /// </summary>
    internal static bool Resolve(ref LaneNote note, PendingValues pending, in ValueContext context, GeneratorRun? generators = null)
    {
        if (pending.Next is { } older && !Resolve(ref note, older, context, generators)) return false;
        var setting = pending.Setting;
        var value = setting.Value is ValueGenerator generator
            ? (generators ?? throw new InvalidOperationException("A lane with a value generator is resolved with its run.")).Next(setting, generator, context)
            : setting.Value.At(context);
        return Apply(ref note, setting, value, context.DrawTime);
    }

    /// <summary>True when any setting of the list is a value generator.</summary>
    internal bool HasGenerator
    {
        get
        {
            for (var p = this; p is not null; p = p.Next)
                if (p.Setting.Value is ValueGenerator) return true;
            return false;
        }
    }

    /// <summary>Sets one value on a note at <paramref name="time"/>; false when a <c>prob</c> drops it.</summary>
    internal static bool Apply(ref LaneNote note, PendingSetting s, FixedPoint value, Rational time)
    {
        switch (s.Target)
        {
            case ValueTarget.Velocity:
                note = note with { Velocity = (int)Math.Clamp(value.RoundHalfUp(), 1, 127) };
                return true;
            case ValueTarget.Legato:
                var legato = FixedPoint.Clamp(value, MinLegato, MaxLegato);
                note = note with { Legato = new Rational(legato.Raw, 1L << FixedPoint.FractionBits) };
                return true;
            case ValueTarget.Transpose:
                note = note with { Transpose = note.Transpose + (int)Math.Clamp(value.RoundHalfUp(), -127, 127) };
                return true;
            case ValueTarget.Note:
                var index = Math.Clamp(value.RoundHalfUp() - s.AtomBase, 0, s.Atoms!.Length - 1);
                note = note with { Atom = s.Atoms[index] };
                return true;
            default:
                // Integers on both sides: the draw's top 32 bits against the probability's fixed point.
                return Patterns.Signals.SignalShapes.Random(s.Stream, s.Salt, time) < value;
        }
    }

    // Legato as a value is clamped into what a number may be (above 0, at most 1000); 1/1024 is the shortest kept.
    private static readonly FixedPoint MinLegato = FixedPoint.FromRational(new Rational(1, 1024));
    private static readonly FixedPoint MaxLegato = FixedPoint.FromInteger(1000);
}
