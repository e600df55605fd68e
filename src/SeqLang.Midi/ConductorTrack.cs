using SeqLang.Core.Time;

namespace SeqLang.Midi;

/// <summary>
/// Track 0 of the file (SPEC §7): at tick 0 the title as track name, the time signature, the
/// key signature when there is one, and the tempo, in that order; then any later tempo
/// changes (the steps of a tempo ramp).
/// </summary>
public sealed class ConductorTrack
{
    private readonly SortedDictionary<long, TempoChange> _tempos = new();

    public ConductorTrack(string title, MidiTimeSignature timeSignature, MidiKeySignature? keySignature, Rational beatsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(timeSignature);
        Title = title;
        TimeSignature = timeSignature;
        KeySignature = keySignature;
        SetTempo(0, beatsPerMinute);
    }

    public string Title { get; }
    public MidiTimeSignature TimeSignature { get; }

    /// <summary>Null when the mode is neither major- nor minor-like: no FF 59 is written.</summary>
    public MidiKeySignature? KeySignature { get; }

    /// <summary>The tempo map in tick order; the first entry is always at tick 0.</summary>
    public IReadOnlyList<TempoChange> Tempos => _tempos.Values.ToArray();

    /// <summary>The tick of the last tempo change.</summary>
    public long LastTick => _tempos.Keys.Max();

    /// <summary>
    /// Sets the tempo from <paramref name="tick"/> on. A tempo already set at that tick is
    /// replaced, so a ramp that starts at tick 0 overrides the initial tempo instead of writing
    /// two FF 51 at one tick, which players resolve differently.
    /// </summary>
    public ConductorTrack SetTempo(long tick, Rational beatsPerMinute)
    {
        _tempos[tick] = new TempoChange(tick, beatsPerMinute);
        return this;
    }

    /// <summary>The meta events in file order, end of track excluded.</summary>
    internal IEnumerable<MidiMetaEvent> MetaEvents()
    {
        yield return MidiMetaEvent.TrackName(Title);
        yield return MidiMetaEvent.TimeSignature(TimeSignature);
        if (KeySignature is not null) yield return MidiMetaEvent.KeySignature(KeySignature);
        foreach (var tempo in _tempos.Values) yield return MidiMetaEvent.Tempo(tempo);
    }
}
