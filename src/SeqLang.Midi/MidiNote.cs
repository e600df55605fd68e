namespace SeqLang.Midi;

/// <summary>
/// A note at tick level: channel 0..15, note 0..127, velocity 1..127, and the half-open
/// span [StartTick, EndTick). <see cref="Sequence"/> is the order it was added in, the last
/// tie-breaker that keeps output deterministic.
/// </summary>
public readonly record struct MidiNote(int Channel, int Note, int Velocity, long StartTick, long EndTick, long Sequence);
