using SeqLang.Midi;

namespace SeqLang.Audio;

/// <summary>One channel message of the file, at the sample frame where it sounds.</summary>
public readonly record struct TimedMessage(long Frame, SmfEvent Message);

/// <summary>
/// The messages a Standard MIDI File plays, in the order a player plays them, each at its sample frame.
/// Read back from the file's own bytes, so that the audio is made from exactly what <c>seq render -o X.mid</c>
/// writes (the same ordering at equal ticks, the same tempo map in whole microseconds per quarter), not from a
/// second path through the renderer that could drift from it.
/// </summary>
public static class AudioMessages
{
    /// <summary>
    /// The channel messages of all tracks merged by tick; at the same tick, earlier tracks first and each
    /// track's messages in file order (a note-off before the note-on that follows it, as the orderer wrote them).
    /// </summary>
    public static IReadOnlyList<TimedMessage> Read(SmfFile file, int sampleRate, out long endFrame)
    {
        var ppq = file.Ppq;
        var tempos = new List<(long Tick, int Mpq)>();
        var merged = new List<(long Tick, int Track, int Index, SmfEvent Event)>();
        long endTick = 0;
        for (var t = 0; t < file.Tracks.Count; t++)
        {
            var events = file.Tracks[t].Events;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.IsMeta(0x51)) tempos.Add((e.Tick, e.MicrosecondsPerQuarter));
                else if (e.IsChannelMessage) merged.Add((e.Tick, t, i, e));
            }
            endTick = Math.Max(endTick, file.Tracks[t].EndTick);
        }
        merged.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Index.CompareTo(b.Index));
        // A file with no tempo plays at 120 bpm (SMF 1.0); a later change at the same tick replaces an earlier one.
        tempos.Sort((a, b) => a.Tick.CompareTo(b.Tick));
        var map = new TempoMap(tempos, ppq, sampleRate);

        var result = new TimedMessage[merged.Count];
        for (var i = 0; i < merged.Count; i++) result[i] = new TimedMessage(map.Frame(merged[i].Tick), merged[i].Event);
        endFrame = map.Frame(endTick);
        return result;
    }

    /// <summary>
    /// Tick → frame, exact: the microseconds are summed as integers times the PPQ and divided once, so that a long
    /// file accumulates no rounding; a frame is the first whose start is not before the message's time.
    /// </summary>
    private sealed class TempoMap
    {
        private readonly long[] _ticks;
        private readonly int[] _mpq;
        private readonly Int128[] _scaledMicros; // Σ Δtick·µs-per-quarter up to each change
        private readonly int _ppq;
        private readonly int _sampleRate;

        public TempoMap(List<(long Tick, int Mpq)> tempos, int ppq, int sampleRate)
        {
            var changes = new List<(long Tick, int Mpq)> { (0, 500_000) };
            foreach (var (tick, mpq) in tempos)
            {
                if (changes[^1].Tick == tick) changes[^1] = (tick, mpq);
                else changes.Add((tick, mpq));
            }
            _ticks = changes.Select(c => c.Tick).ToArray();
            _mpq = changes.Select(c => c.Mpq).ToArray();
            _scaledMicros = new Int128[changes.Count];
            for (var i = 1; i < changes.Count; i++)
                _scaledMicros[i] = _scaledMicros[i - 1] + (Int128)(_ticks[i] - _ticks[i - 1]) * _mpq[i - 1];
            _ppq = ppq;
            _sampleRate = sampleRate;
        }

        public long Frame(long tick)
        {
            var i = Array.BinarySearch(_ticks, tick);
            if (i < 0) i = ~i - 1;
            var scaled = _scaledMicros[i] + (Int128)(tick - _ticks[i]) * _mpq[i];
            var denominator = (Int128)_ppq * 1_000_000;
            return (long)((scaled * _sampleRate + denominator - 1) / denominator);
        }
    }
}
