namespace SeqLang.Player;

/// <summary>Where a followed clock is.</summary>
public enum ExternalClockState
{
    /// <summary>No Start or Continue yet: nothing plays.</summary>
    Waiting,
    Running,
    /// <summary>Stopped by the master: silent, holding the position until Continue.</summary>
    Paused,
}

/// <summary>
/// <c>--clock-in</c>: the position and tempo of an external MIDI clock (24 pulses a quarter note), fed by the
/// MIDI input thread and read by the clock thread. Start means "the next pulse is the first beat", so the
/// position is the count of pulses since then, minus one. The tempo is the pulse interval smoothed by an
/// exponential average (a factor of 1/8 per pulse, about a quarter note of memory), ignoring gaps over four
/// times the estimate (a master's hiccup, or a pause without Stop), so one late pulse does not jerk the tempo.
/// Every write pokes the clock thread, which then re-times what it waits for.
/// </summary>
public sealed class ExternalClock
{
    private readonly StopSignal _signal;
    private readonly long _frequency;
    private int _sequence;
    private int _state;
    private long _pulses = -1;
    private long _lastPulseAt;
    private double _interval;
    private int _restarts;

    public ExternalClock(StopSignal signal, long frequency)
    {
        _signal = signal;
        _frequency = frequency;
    }

    public ExternalClockState State => (ExternalClockState)Volatile.Read(ref _state);

    /// <summary>Starts received while already playing: each restarts the piece from its first bar.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>The estimated tempo, or 0 before two pulses.</summary>
    public double Bpm
    {
        get
        {
            Read(out _, out _, out var interval);
            return interval > 0 ? 60.0 * _frequency / (interval * 24) : 0;
        }
    }

    /// <summary>Input thread: one realtime message at clock time <paramref name="now"/>.</summary>
    public void OnRealtime(byte status, long now)
    {
        Interlocked.Increment(ref _sequence);
        switch (status)
        {
            case 0xF8 when _state == (int)ExternalClockState.Running:
                if (_pulses >= 0)
                {
                    double gap = now - _lastPulseAt;
                    if (_interval <= 0) _interval = gap;
                    else if (gap < 4 * _interval) _interval += (gap - _interval) / 8;
                }
                _pulses++;
                _lastPulseAt = now;
                break;
            case 0xFA:
                if (_state != (int)ExternalClockState.Waiting) _restarts++;
                _pulses = -1;
                _lastPulseAt = now;
                _state = (int)ExternalClockState.Running;
                break;
            case 0xFB when _state != (int)ExternalClockState.Running:
                _lastPulseAt = now;
                _state = (int)ExternalClockState.Running;
                break;
            case 0xFC:
                if (_state == (int)ExternalClockState.Running) _state = (int)ExternalClockState.Paused;
                break;
        }
        Interlocked.Increment(ref _sequence);
        _signal.Poke();
    }

    /// <summary>A consistent view: pulses since Start (-1 before the first), when the last came, the smoothed interval (0: unknown).</summary>
    public ExternalClockState Read(out long pulses, out long lastPulseAt, out double interval)
    {
        while (true)
        {
            var before = Volatile.Read(ref _sequence);
            var state = (ExternalClockState)Volatile.Read(ref _state);
            pulses = Volatile.Read(ref _pulses);
            lastPulseAt = Volatile.Read(ref _lastPulseAt);
            interval = Volatile.Read(ref _interval);
            if ((before & 1) == 0 && Volatile.Read(ref _sequence) == before) return state;
        }
    }

    /// <summary>
    /// When the message at <paramref name="tick"/> is due (clock time), counting from <paramref name="originTick"/>
    /// at pulse 0: now for a position already passed, interpolated within the current pulse, and
    /// <see cref="long.MaxValue"/> (wait for a pulse) beyond it or while not running: the player never runs
    /// ahead of the master.
    /// </summary>
    public long DueOf(long tick, long originTick, double ticksPerPulse, long now)
    {
        if (Read(out var pulses, out var last, out var interval) != ExternalClockState.Running || pulses < 0) return long.MaxValue;
        var reached = originTick + pulses * ticksPerPulse;
        if (tick <= reached) return now;
        var ahead = (tick - reached) / ticksPerPulse;
        if (ahead >= 1 || interval <= 0) return long.MaxValue;
        return last + (long)(ahead * interval);
    }
}
