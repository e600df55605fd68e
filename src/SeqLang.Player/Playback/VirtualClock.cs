namespace SeqLang.Player;

/// <summary>A clock that jumps to whatever time is waited for: playback runs as fast as the producer, with zero lateness.</summary>
public sealed class VirtualClock : IClock
{
    private long _now;

    /// <summary>1 tick = 1 ns.</summary>
    public long Frequency => 1_000_000_000;

    public long Now() => Volatile.Read(ref _now);

    public bool WaitUntil(long timestamp, StopSignal stop)
    {
        if (stop.IsSet) return false;
        if (timestamp == long.MaxValue)
        {
            // Nothing is due until something outside moves (an external clock): wait for its poke.
            stop.WaitForClock(50);
            return false;
        }
        if (timestamp > Volatile.Read(ref _now)) Volatile.Write(ref _now, timestamp);
        return true;
    }
}
