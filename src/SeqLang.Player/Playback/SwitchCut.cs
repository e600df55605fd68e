using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>Where a switch to a new version of the piece lands: the tick it cuts at, and the bar that tick lies in.</summary>
internal static class SwitchCut
{
    /// <summary>
    /// The first bar line (or, for <see cref="SwitchPoint.NextStep"/>, the first sixteenth) whose due time is at or
    /// after <paramref name="earliest"/>, searching back from <paramref name="nextBar"/>, the first bar not yet compiled:
    /// messages before it may already be in the ring, and the clock thread drops the old version's from the cut on.
    /// </summary>
    public static long Find(PlaybackSource old, long nextBar, long earliest, SwitchPoint at, int ppq)
    {
        var ticks = old.Ticks;
        var bar = nextBar;
        while (bar - 1 >= 0 && ticks.ToTick(bar - 1) >= old.FirstTick && old.DueOf(ticks.ToTick(bar - 1)) >= earliest) bar--;
        if (at != SwitchPoint.NextStep || bar <= 0) return ticks.ToTick(bar);
        // Sixteenths of the bar before the bar line found, the first far enough ahead.
        var barStart = ticks.ToTick(bar - 1);
        var step = Math.Max(1, ppq / 4);
        for (var t = Math.Max(barStart, old.FirstTick); t < ticks.ToTick(bar); t += step)
        {
            if (old.DueOf(t) >= earliest) return t;
        }
        return ticks.ToTick(bar);
    }

    /// <summary>The bar a tick lies in: the last bar line at or before it.</summary>
    public static long BarOf(TickConverter ticks, long tick)
    {
        var bar = (long)Math.Floor(tick / (double)ticks.TicksPerCycle.Numerator * ticks.TicksPerCycle.Denominator);
        while (bar > 0 && ticks.ToTick(bar) > tick) bar--;
        while (ticks.ToTick(bar + 1) <= tick) bar++;
        return bar;
    }
}
