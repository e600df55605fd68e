using SeqLang.Core.Time;

namespace SeqLang.Midi;

/// <summary>
/// The one place where exact time becomes MIDI ticks (SPEC §7):
/// <c>tick = floor(cycles × ppq × barQuarters + 1/2)</c>, rounding half up.
/// Keeping the rounding here, and only here, is what lets the renderer and the player agree
/// tick for tick: two call sites rounding "the same way" in two places drift apart the first
/// time one of them is edited.
/// </summary>
public sealed class TickConverter
{
    /// <summary>Pulses per quarter note when the command line does not ask for another value.</summary>
    public const int DefaultPpq = 480;

    /// <summary>The largest division an SMF header can hold with bit 15 clear (metrical time).</summary>
    public const int MaxPpq = 0x7FFF;

    /// <param name="ppq">Ticks per quarter note, 1..32767.</param>
    /// <param name="barQuarters">Quarter notes in one bar (one cycle): N×4/D for a meter N/D.</param>
    public TickConverter(int ppq, Rational barQuarters)
    {
        if (ppq is < 1 or > MaxPpq)
            throw new ArgumentOutOfRangeException(nameof(ppq), ppq, $"PPQ must be 1..{MaxPpq}.");
        if (barQuarters.Sign <= 0)
            throw new ArgumentOutOfRangeException(nameof(barQuarters), barQuarters.ToString(), "A bar must last a positive number of quarter notes.");
        Ppq = ppq;
        BarQuarters = barQuarters;
        TicksPerCycle = barQuarters * ppq;
    }

    /// <summary>A converter for the meter <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public static TickConverter ForMeter(int numerator, int denominator, int ppq = DefaultPpq)
    {
        if (numerator < 1) throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "A meter needs at least one beat.");
        if (denominator < 1) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A meter's denominator must be positive.");
        return new TickConverter(ppq, new Rational(numerator * 4L, denominator));
    }

    public int Ppq { get; }

    /// <summary>Quarter notes per bar (N×4/D), exact.</summary>
    public Rational BarQuarters { get; }

    /// <summary>Ticks per cycle (ppq × barQuarters), exact; not always an integer (ppq 1 in 3/8).</summary>
    public Rational TicksPerCycle { get; }

    /// <summary>The tick of a time given in cycles (bars). Negative times give negative ticks.</summary>
    public long ToTick(Rational cycles) => RoundHalfUp(cycles * TicksPerCycle);

    /// <summary>The tick of a time given in quarter notes (beats), for tempo maps.</summary>
    public long QuartersToTick(Rational quarters) => RoundHalfUp(quarters * Ppq);

    /// <summary>
    /// floor(value + 1/2): ties go up, also below zero (-2.5 → -2), unlike
    /// <see cref="Math.Round(double)"/>'s banker's rounding, which would send 0.5 and 1.5 to
    /// different sides and make a swung grid wobble by a tick.
    /// </summary>
    public static long RoundHalfUp(Rational value) => (value + Rational.Half).Floor();
}
