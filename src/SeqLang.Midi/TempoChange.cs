using SeqLang.Core.Time;

namespace SeqLang.Midi;

/// <summary>
/// A tempo in quarter notes per minute, exact, from <see cref="Tick"/> on; written as FF 51 03
/// with microseconds per quarter note = round(60,000,000 / bpm), half up.
/// </summary>
public sealed record TempoChange
{
    /// <summary>The largest value FF 51's three bytes hold.</summary>
    public const int MaxMicrosecondsPerQuarter = 0xFFFFFF;

    public TempoChange(long tick, Rational beatsPerMinute)
    {
        if (tick < 0) throw new ArgumentOutOfRangeException(nameof(tick), tick, "A tempo change cannot come before tick 0.");
        if (beatsPerMinute.Sign <= 0)
            throw new ArgumentOutOfRangeException(nameof(beatsPerMinute), beatsPerMinute.ToString(), "A tempo must be positive.");
        var micros = TickConverter.RoundHalfUp(new Rational(60_000_000, 1) / beatsPerMinute);
        if (micros is < 1 or > MaxMicrosecondsPerQuarter)
            throw new ArgumentOutOfRangeException(nameof(beatsPerMinute), beatsPerMinute.ToString(), "The tempo is outside what a MIDI file can hold (about 3.6 to 60,000,000 bpm).");
        Tick = tick;
        BeatsPerMinute = beatsPerMinute;
        MicrosecondsPerQuarter = (int)micros;
    }

    public long Tick { get; }
    public Rational BeatsPerMinute { get; }
    public int MicrosecondsPerQuarter { get; }
}
