using SeqLang.Core.Time;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// <c>voicing lead</c> for one lane (SPEC §3): each chord of the harmony takes the inversion that moves least from
/// the voicing of the chord before it. The chain walks the harmony's chord changes from bar 0, so a bar's voicing
/// is the same whichever bars were asked for before (the player equals the renderer); it is extended as far as
/// the latest bar asked for, at the cost of one chart query per bar. Not thread-safe: one per event stream.
/// </summary>
internal sealed class LeadVoiceChain
{
    private readonly PieceHarmony _harmony;
    private readonly int _octave;
    private readonly List<Rational> _times = new();
    private readonly List<int[]?> _voicings = new();
    private readonly List<Chord?> _chords = new();
    private readonly List<(Rational Time, Chord? Chord)> _changes = new();
    private long _nextBar;
    private int[]? _last;

    public LeadVoiceChain(PieceHarmony harmony, int octave)
    {
        _harmony = harmony;
        _octave = octave;
    }

    /// <summary>The lane's voicing of <paramref name="chord"/>, the chord in force at <paramref name="time"/>.</summary>
    public int[] VoicingAt(Rational time, Chord chord)
    {
        var bar = Math.Max(0, time.Floor());
        while (_nextBar <= bar) Extend(_nextBar++);
        var index = _times.BinarySearch(time);
        if (index < 0) index = ~index - 1;
        if (index >= 0 && _voicings[index] is { } voicing && Equals(_chords[index], chord)) return voicing;
        // Not a change the chain saw (a time before bar 0): voice it from the closest earlier voicing.
        var previous = index >= 0 ? _voicings[index] : null;
        return ChordVoicing.Voice(chord, _octave, Voicing.Lead, previous);
    }

    private void Extend(long bar)
    {
        _changes.Clear();
        _harmony.ChangesIn(bar, _changes);
        foreach (var (time, chord) in _changes)
        {
            if (chord is null)
            {
                Add(time, null, null);
                continue;
            }
            if (_chords.Count > 0 && Equals(_chords[^1], chord) && _voicings[^1] is not null) continue;
            var voicing = ChordVoicing.Voice(chord, _octave, Voicing.Lead, _last);
            _last = voicing;
            Add(time, chord, voicing);
        }
    }

    private void Add(Rational time, Chord? chord, int[]? voicing)
    {
        if (_times.Count > 0 && _times[^1] == time)
        {
            _chords[^1] = chord;
            _voicings[^1] = voicing;
            return;
        }
        _times.Add(time);
        _chords.Add(chord);
        _voicings.Add(voicing);
    }
}
