namespace SeqLang.Player;

/// <summary>
/// Completes a version's ordered messages with what the player adds around them: MIDI clock (Start, or Song
/// Position Pointer and Continue when playback starts mid-song, then 24 pulses a quarter note) when the clock
/// goes out, and controller feedback's step marks. At one tick: realtime first (the pulse marks the moment),
/// then the ordered messages, then step marks (the lights follow the notes, never delay them).
/// </summary>
internal sealed class ClockPulseMerger(int ppq, bool clockOut, int[]? stepCounts)
{
    private readonly List<TimedMessage> _marks = new();
    private long _nextPulse;
    private bool _startSent;

    /// <summary>Pulses go on from the first at or after <paramref name="tick"/> (playback starts there, or a new version does).</summary>
    public void RestartAt(long tick)
    {
        var pulse = tick * 24 / ppq;
        while (PulseTick(pulse) < tick) pulse++;
        _nextPulse = pulse;
    }

    /// <summary>
    /// Merges <paramref name="ordered"/> with the pulses before <paramref name="pulsesBefore"/> (default:
    /// <paramref name="horizon"/>) and the step marks of the bar <paramref name="stepsIn"/>, into <paramref name="merged"/>.
    /// </summary>
    public void Merge(PlaybackSource source, List<TimedMessage> ordered, List<TimedMessage> merged, long horizon, long? pulsesBefore = null,
        (long Start, long End)? stepsIn = null)
    {
        var pulseHorizon = pulsesBefore ?? horizon;
        merged.Clear();
        MarkSteps(source, stepsIn);
        if (!_startSent && clockOut)
        {
            _startSent = true;
            if (source.FirstTick == 0)
            {
                merged.Add(TimedMessage.Realtime(0, 0xFA, source.Generation));
            }
            else
            {
                // Song Position Pointer (in sixteenths, 14 bits), then Continue: the MIDI way to start mid-song.
                var sixteenths = Math.Min(16383, source.FirstTick * 4 / ppq);
                merged.Add(new TimedMessage
                {
                    Tick = source.FirstTick, Status = 0xF2, Data1 = (byte)(sixteenths & 0x7F), Data2 = (byte)(sixteenths >> 7),
                    Length = 3, Generation = source.Generation, Lane = -1, Track = -1,
                });
                merged.Add(TimedMessage.Realtime(source.FirstTick, 0xFB, source.Generation));
            }
        }
        var b = 0;
        var s = 0;
        while (true)
        {
            var pulseTick = clockOut ? PulseTick(_nextPulse) : long.MaxValue;
            var orderedTick = b < ordered.Count ? ordered[b].Tick : long.MaxValue;
            var markTick = s < _marks.Count ? _marks[s].Tick : long.MaxValue;
            if (pulseTick < pulseHorizon && pulseTick <= orderedTick && pulseTick <= markTick)
            {
                merged.Add(TimedMessage.Realtime(pulseTick, 0xF8, source.Generation));
                _nextPulse++;
            }
            else if (orderedTick != long.MaxValue && orderedTick <= markTick)
            {
                merged.Add(ordered[b++]);
            }
            else if (markTick != long.MaxValue)
            {
                merged.Add(_marks[s++]);
            }
            else
            {
                break;
            }
        }
    }

    private long PulseTick(long pulse) => pulse * ppq / 24;

    /// <summary>
    /// The bar's step boundaries for controller feedback (each count n of <see cref="IClockFeedback.StepCounts"/>
    /// at k/n of the bar, rounded down to a tick), leaving out what lies before the version's first tick.
    /// </summary>
    private void MarkSteps(PlaybackSource source, (long Start, long End)? bar)
    {
        _marks.Clear();
        if (bar is not var (start, end) || stepCounts is not { Length: > 0 }) return;
        foreach (var count in stepCounts)
        {
            if (count is < 1 or > byte.MaxValue) continue;
            for (var k = 0; k < count; k++)
            {
                var tick = start + (end - start) * k / count;
                if (tick >= source.FirstTick) _marks.Add(TimedMessage.Step(tick, count, k, source.Generation));
            }
        }
        _marks.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
    }
}
