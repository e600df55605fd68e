using System.Numerics;

namespace SeqLang.Midi;

/// <summary>
/// The time signature meta event FF 58 04 nn dd cc bb: nn/2^dd, cc MIDI clocks per metronome
/// click, bb notated 32nd notes per MIDI quarter (always 8: our quarter is a real quarter).
/// </summary>
public sealed record MidiTimeSignature
{
    public MidiTimeSignature(int numerator, int denominator)
    {
        if (numerator is < 1 or > 255)
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "A time signature numerator must be 1..255.");
        if (denominator is < 1 or > 128 || !BitOperations.IsPow2(denominator))
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A MIDI time signature denominator must be a power of two, 1..128.");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }
    public int Denominator { get; }

    /// <summary>dd: the denominator as a power of two (4 → 2, 8 → 3).</summary>
    public int DenominatorPower => BitOperations.Log2((uint)Denominator);

    /// <summary>
    /// cc: the click follows the beat unit. 24 clocks (a quarter) for D ≤ 4, since a half- or
    /// whole-note click is too sparse to play to; else 96/D (12 for eighths, 6 for sixteenths).
    /// At D ≥ 64 the exact 1.5 or 0.75 clocks cannot be written, so it stays at 1, the smallest
    /// nonzero value.
    /// </summary>
    public int ClocksPerClick => Denominator <= 4 ? 24 : Math.Max(1, 96 / Denominator);

    /// <summary>bb: notated 32nd notes per MIDI quarter note.</summary>
    public int ThirtySecondsPerQuarter => 8;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
