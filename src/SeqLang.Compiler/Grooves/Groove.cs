using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Grooves;

/// <summary>
/// A checked groove (SPEC §14): slots every <see cref="Step"/> bars from bar 0, slot i moving by
/// <see cref="Shifts"/>[i mod n] steps and scaling velocity by <see cref="Velocities"/>[i mod n].
/// </summary>
internal sealed record Groove(string Name, Rational Step, Rational[] Shifts, FixedPoint[] Velocities)
{
    /// <summary>The slot an onset belongs to (within a quarter step of it), or null.</summary>
    public long? SlotAt(Rational onset)
    {
        var position = onset / Step;
        var slot = (position + Rational.Half).Floor();
        return (position - slot).Abs() <= new Rational(1, 4) ? slot : null;
    }

    public Rational ShiftOf(long slot) => Shifts[(int)Modulo(slot, Shifts.Length)] * Step;

    public FixedPoint VelocityOf(long slot) => Velocities[(int)Modulo(slot, Velocities.Length)];

    private static long Modulo(long value, int count) => ((value % count) + count) % count;
}
