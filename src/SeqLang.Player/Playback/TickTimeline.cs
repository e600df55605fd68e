using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>
/// When each tick sounds, in Stopwatch ticks from the start of playback: the tempo the renderer writes into
/// track 0 (the piece's <see cref="Compiler.Piece.TempoMap"/>: the file's tempo, a section's own while it
/// plays, a ramp as one tempo step per quarter note, each rounded to whole microseconds per quarter as FF 51
/// holds it), so the player keeps the time a file player would. Segments are added bar by bar as playback
/// reaches them (the form decides which section, hence which tempo, comes next). Sums are kept exactly
/// (Int128 nanoseconds × ppq) and rounded once per query: no drift over any length. Used by the compiling
/// thread only; queries must not go back in time (a cursor walks the segments).
/// </summary>
internal sealed class TickTimeline
{
    private readonly Compiler.Piece.TempoMap _tempo;
    private readonly TickConverter _ticks;
    private readonly int _ppq;
    private readonly long _frequency;
    private readonly List<(long Tick, long MicrosPerQuarter)> _segments = new();
    private readonly List<Int128> _segmentStart = new(); // in nanoseconds × ppq
    private readonly List<(Rational Cycle, Rational Bpm)> _changes = new();
    private long _nextBar;
    private int _cursor;

    public TickTimeline(CompiledPiece piece, TickConverter ticks, long frequency)
    {
        _tempo = piece.Tempo;
        _ticks = ticks;
        _ppq = ticks.Ppq;
        _frequency = frequency;
        Add(0, _tempo.TempoAt(0));
    }

    /// <summary>Stopwatch ticks from the start of playback to <paramref name="tick"/>.</summary>
    public long TimeOf(long tick)
    {
        while (_ticks.ToTick(_nextBar) <= tick) AddBar(_nextBar++);
        while (_cursor + 1 < _segments.Count && _segments[_cursor + 1].Tick <= tick) _cursor++;
        while (_cursor > 0 && _segments[_cursor].Tick > tick) _cursor--;
        var (start, micros) = _segments[_cursor];
        var scaledNanos = _segmentStart[_cursor] + (Int128)(tick - start) * micros * 1000;
        // Round half up to whole Stopwatch ticks: scaledNanos / ppq ns × frequency / 1e9.
        var numerator = scaledNanos * _frequency;
        var denominator = (Int128)_ppq * 1_000_000_000;
        return (long)((numerator + denominator / 2) / denominator);
    }

    /// <summary>The tempo changes of bar <paramref name="bar"/>, the ones <c>PieceRenderer</c> writes from bar 0.</summary>
    private void AddBar(long bar)
    {
        _changes.Clear();
        _tempo.ChangesIn(bar, first: bar == 0, _changes);
        foreach (var (cycle, bpm) in _changes) Add(_ticks.ToTick(cycle), bpm);
    }

    private void Add(long tick, Rational bpm)
    {
        var micros = new TempoChange(tick, bpm).MicrosecondsPerQuarter;
        if (_segments.Count > 0 && _segments[^1].Tick == tick)
        {
            _segments[^1] = (tick, micros);
            return;
        }
        var start = _segments.Count == 0 ? Int128.Zero
            : _segmentStart[^1] + (Int128)(tick - _segments[^1].Tick) * _segments[^1].MicrosPerQuarter * 1000;
        _segments.Add((tick, micros));
        _segmentStart.Add(start);
    }
}
