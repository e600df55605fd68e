using System.Diagnostics;

namespace SeqLang.Player;

/// <summary>
/// Stopwatch time. Waits by blocking until about <see cref="SpinMargin"/> before the target (the kernel wakes
/// a thread a little late, by tens of microseconds to a millisecond on a busy machine), then spinning on
/// the clock to the exact tick. The spin costs a core for at most the margin per event.
/// </summary>
public sealed class StopwatchClock : IClock
{
    /// <summary>How long before the target the thread stops sleeping and starts spinning.</summary>
    public static readonly TimeSpan SpinMargin = TimeSpan.FromMilliseconds(1.5);

    private readonly long _margin = (long)(SpinMargin.TotalSeconds * Stopwatch.Frequency);

    public long Frequency => Stopwatch.Frequency;

    public long Now() => Stopwatch.GetTimestamp();

    public bool WaitUntil(long timestamp, StopSignal stop)
    {
        while (true)
        {
            if (stop.IsSet) return false;
            var remaining = timestamp - Stopwatch.GetTimestamp() - _margin;
            if (remaining <= 0) break;
            var ms = (int)Math.Max(1, remaining * 1000 / Stopwatch.Frequency);
            if (stop.Wait(ms)) return false;
        }
        while (Stopwatch.GetTimestamp() < timestamp)
        {
            if (stop.IsSet) return false;
            Thread.SpinWait(8);
        }
        return true;
    }
}
