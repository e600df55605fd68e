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

    /// <summary>Returns at <paramref name="timestamp"/> or later (true), or early when <paramref name="stop"/> is signalled (false).</summary>
    bool WaitUntil(long timestamp, StopSignal stop);
}

/// <summary>A stop request shared by the threads of one playback; <see cref="Set"/> is safe from signal handlers.</summary>
public sealed class StopSignal : IDisposable
{
    private readonly ManualResetEventSlim _event = new(false, spinCount: 0);
    private volatile bool _set;

    public bool IsSet => _set;

    public void Set()
    {
        _set = true;
        _event.Set();
    }

    /// <summary>Blocks for up to <paramref name="milliseconds"/>; true when stopped meanwhile.</summary>
    public bool Wait(int milliseconds) => _set || _event.Wait(milliseconds);

    public void Dispose() => _event.Dispose();
}
