using System.Diagnostics;

namespace SeqLang.Player;

/// <summary>
/// Stopwatch time. Waits by blocking until about <see cref="SpinMargin"/> before the target (the kernel wakes
/// a thread a little late, by tens of microseconds to a millisecond on a busy machine), then spinning on
/// the clock to the exact tick. The spin costs a core for at most the margin per event. A thread with
/// real-time priority is woken on time, so it spins for less (<see cref="RealtimeSpinMargin"/>).
/// </summary>
public sealed class StopwatchClock : IClock
{
    /// <summary>How long before the target the thread stops sleeping and starts spinning.</summary>
    public static readonly TimeSpan SpinMargin = TimeSpan.FromMilliseconds(1.5);

    /// <summary>The margin for a thread the kernel schedules first (SCHED_FIFO).</summary>
    public static readonly TimeSpan RealtimeSpinMargin = TimeSpan.FromMilliseconds(0.3);

    private static readonly long WarmEvery = Stopwatch.Frequency / 20_000; // 50 µs
    private static readonly long WarmLast = Stopwatch.Frequency / 200_000; // 5 µs before the target
    private long _margin = (long)(SpinMargin.TotalSeconds * Stopwatch.Frequency);

    public long Frequency => Stopwatch.Frequency;

    public long Now() => Stopwatch.GetTimestamp();

    /// <summary>Spins for less once the calling thread runs at real-time priority.</summary>
    public void UseRealtimeMargin() => _margin = (long)(RealtimeSpinMargin.TotalSeconds * Stopwatch.Frequency);

    public bool WaitUntil(long timestamp, StopSignal stop, ISendWarmer? warm = null)
    {
        while (true)
        {
            if (stop.IsSet) return false;
            var remaining = timestamp - Stopwatch.GetTimestamp() - _margin;
            if (remaining <= 0) break;
            // At most 50 ms at a time: a far target (long.MaxValue while waiting for an external clock) is
            // looked at again, and no conversion overflows.
            var ms = (int)Math.Clamp(remaining * 1000 / Stopwatch.Frequency, 1, 50);
            if (stop.WaitForClock(ms)) return false;
        }
        var warmedAt = long.MinValue;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= timestamp) return true;
            if (stop.IsSet || stop.TakePoke()) return false;
            if (warm is not null && now - warmedAt >= WarmEvery && timestamp - now > WarmLast)
            {
                warm.Warm();
                warmedAt = now;
            }
            Thread.SpinWait(8);
        }
    }
}
