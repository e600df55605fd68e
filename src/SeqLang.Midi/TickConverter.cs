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
        _fastPath = TicksPerCycle.Numerator < FastLimit && TicksPerCycle.Denominator < FastLimit;
    }

    /// <summary>Bound on ticks per cycle's numerator and denominator for <see cref="TryToTick"/>'s 64-bit path.</summary>
    private const long FastLimit = 1L << 30;

    /// <summary>Ticks per cycle small enough for the 64-bit path (for any meter up to 8,000 beats at the largest PPQ).</summary>
    private readonly bool _fastPath;

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
    public long ToTick(Rational cycles) =>
        TryToTick(cycles.Numerator, cycles.Denominator, out var tick) ? tick : RoundHalfUp(cycles * TicksPerCycle);

    /// <summary>
    /// <see cref="ToTick(Rational)"/> of <paramref name="time"/> − <paramref name="originBar"/> (the renderer's
    /// cycles since the first bar rendered), without making the difference as a <see cref="Rational"/> where
    /// 64 bits hold it: with |n| &lt; 2^62, d &lt; 2^31 and 0 ≤ originBar &lt; 2^24, n − originBar × d cannot overflow.
    /// </summary>
    internal long ToTick(Rational time, long originBar)
    {
        long n = time.Numerator, d = time.Denominator;
        if ((ulong)originBar < 1UL << 24 && d <= int.MaxValue && (ulong)(n + (1L << 62)) < 1UL << 63
            && TryToTick(n - originBar * d, d, out var tick)) return tick;
        return ToTick(time - originBar);
    }

    /// <summary>
    /// The tick of n/d cycles (d &gt; 0, not necessarily reduced) in 64 bits: n/d × P/Q + 1/2 = (2nP + dQ) / 2dQ
    /// for ticks per cycle P/Q, the same exact value as the <see cref="Rational"/> path's but unreduced, whose
    /// floor needs no gcd and no 128-bit division. With |n|, d &lt; 2^31 and P, Q &lt; 2^30 no term reaches 2^63;
    /// false (and the caller takes the Rational path) outside those bounds.
    /// </summary>
    private bool TryToTick(long n, long d, out long tick)
    {
        if (_fastPath && (ulong)(n + int.MaxValue) <= 2UL * int.MaxValue && d <= int.MaxValue)
        {
            var ticksDenominator = TicksPerCycle.Denominator;
            var numerator = 2 * n * TicksPerCycle.Numerator + d * ticksDenominator;
            var denominator = 2 * d * ticksDenominator;
            var quotient = numerator / denominator;
            tick = quotient * denominator > numerator ? quotient - 1 : quotient;   // division truncates; floor goes down
            return true;
        }
        tick = 0;
        return false;
    }

    /// <summary>The tick of a time given in quarter notes (beats), for tempo maps.</summary>
    public long QuartersToTick(Rational quarters) => RoundHalfUp(quarters * Ppq);

    /// <summary>
    /// floor(value + 1/2): ties go up, also below zero (-2.5 → -2), unlike
    /// <see cref="Math.Round(double)"/>'s banker's rounding, which would send 0.5 and 1.5 to
    /// different sides and make a swung grid wobble by a tick.
    /// </summary>
    public static long RoundHalfUp(Rational value) => (value + Rational.Half).Floor();
}
