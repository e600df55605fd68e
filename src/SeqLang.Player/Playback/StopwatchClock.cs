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
            // The shortest sleep is a millisecond: with less than that left before the margin, spin.
            if (remaining < Stopwatch.Frequency / 1000) break;
            // At most 50 ms at a time: a far target (long.MaxValue while waiting for an external clock) is
            // looked at again, and no conversion overflows.
            var ms = (int)Math.Clamp(remaining * 1000 / Stopwatch.Frequency, 1, 50);
            if (stop.WaitForClock(ms)) return false;
        }
        while (Stopwatch.GetTimestamp() < timestamp)
        {
            if (stop.IsSet || stop.TakePoke()) return false;
            Thread.SpinWait(8);
        }
        return true;
    }
}
