using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>
/// When each tick sounds, in Stopwatch ticks from the start of playback: the tempo map the renderer writes
/// into track 0 (the file's tempo; a ramp as one tempo step per quarter note, each rounded to whole
/// microseconds per quarter as FF 51 holds it), so the player keeps the time a file player would. Sums are
/// kept exactly (Int128 nanoseconds × ppq) and rounded once per query: no drift over any length.
/// Queries must not go back in time (a cursor walks the segments).
/// </summary>
internal sealed class TempoMap
{
    private readonly int _ppq;
    private readonly long _frequency;
    private readonly List<(long Tick, long MicrosPerQuarter)> _segments = new();
    private readonly Int128[] _segmentStart; // in nanoseconds × ppq
    private int _cursor;

    public TempoMap(PieceSettings settings, TickConverter ticks, long frequency)
    {
        _ppq = ticks.Ppq;
        _frequency = frequency;
        var changes = new SortedDictionary<long, Rational> { [0] = settings.TempoRamp?.TempoAt(0) ?? settings.Tempo };
        if (settings.TempoRamp is { } ramp)
        {
            // As PieceRenderer.Conductor with fromBar 0: one step per quarter note from the ramp's start to its end.
            var quarters = settings.Meter.BarQuarters;
            var first = Math.Max(ramp.StartBar, 0);
            var last = ramp.StartBar + ramp.Bars;
            for (var q = (Rational)first * quarters; q <= (Rational)last * quarters; q += 1)
            {
                var cycle = q / quarters;
                changes[ticks.ToTick(cycle)] = ramp.TempoAt(cycle);
            }
        }
        foreach (var (tick, bpm) in changes) _segments.Add((tick, new TempoChange(tick, bpm).MicrosecondsPerQuarter));
        _segmentStart = new Int128[_segments.Count];
        for (var i = 1; i < _segments.Count; i++)
            _segmentStart[i] = _segmentStart[i - 1] + (Int128)(_segments[i].Tick - _segments[i - 1].Tick) * _segments[i - 1].MicrosPerQuarter * 1000;
    }

    /// <summary>Stopwatch ticks from the start of playback to <paramref name="tick"/>.</summary>
    public long TimeOf(long tick)
    {
        while (_cursor + 1 < _segments.Count && _segments[_cursor + 1].Tick <= tick) _cursor++;
        while (_cursor > 0 && _segments[_cursor].Tick > tick) _cursor--;
        var (start, micros) = _segments[_cursor];
        var scaledNanos = _segmentStart[_cursor] + (Int128)(tick - start) * micros * 1000;
        // Round half up to whole Stopwatch ticks: scaledNanos / ppq ns × frequency / 1e9.
        var numerator = scaledNanos * _frequency;
        var denominator = (Int128)_ppq * 1_000_000_000;
        return (long)((numerator + denominator / 2) / denominator);
    }
}
