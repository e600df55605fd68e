namespace SeqLang.Player;

/// <summary>
/// The one monotonic clock of playback. The real one sleeps and spins on Stopwatch ticks; the virtual one
/// jumps, so the scheduling logic is tested with no wall clock and no waiting.
/// </summary>
public interface IClock
{
    /// <summary>Ticks per second.</summary>
    long Frequency { get; }

    long Now();

    /// <summary>
    /// Returns true at <paramref name="timestamp"/> or later; false early when <paramref name="stop"/> is
    /// signalled or poked (a live change moved the target: the caller looks again).
    /// </summary>
    bool WaitUntil(long timestamp, StopSignal stop);
}

/// <summary>
/// A stop request shared by the threads of one playback; <see cref="Set"/> is safe from signal handlers.
/// <see cref="Poke"/> wakes the clock thread alone, without stopping: a tempo change, an external clock pulse.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly ManualResetEventSlim _event = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _clockWake = new(false, spinCount: 0);
    private volatile bool _set;

    public bool IsSet => _set;

    public void Set()
    {
        _set = true;
        _event.Set();
        _clockWake.Set();
    }

    /// <summary>Wakes the clock thread's current wait (it returns false; the thread looks at its state again).</summary>
    public void Poke() => _clockWake.Set();

    /// <summary>Blocks for up to <paramref name="milliseconds"/>; true when stopped meanwhile.</summary>
    public bool Wait(int milliseconds) => _set || _event.Wait(milliseconds);

    /// <summary>The clock thread's wait: true when stopped or poked meanwhile (a poke is consumed).</summary>
    public bool WaitForClock(int milliseconds)
    {
        if (_set) return true;
        if (!_clockWake.Wait(milliseconds)) return false;
        if (!_set) _clockWake.Reset();
        return true;
    }

    /// <summary>A poke that arrived since the last wait, consumed (the clock thread checks it while spinning).</summary>
    public bool TakePoke()
    {
        if (!_clockWake.IsSet) return false;
        if (!_set) _clockWake.Reset();
        return true;
    }

    /// <summary>Clears a stop that ended one run of a playback that goes on (an external clock's restart).</summary>
    internal void Reset()
    {
        _set = false;
        _event.Reset();
        _clockWake.Reset();
    }

    public void Dispose()
    {
        _event.Dispose();
        _clockWake.Dispose();
    }
}
