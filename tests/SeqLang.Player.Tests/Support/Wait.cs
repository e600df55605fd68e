using System.Diagnostics;

namespace SeqLang.Player.Tests.Support;

/// <summary>Waiting for a condition instead of sleeping a guessed time: a loaded machine makes any guess wrong.</summary>
public static class Wait
{
    /// <summary>True as soon as <paramref name="condition"/> holds (looked at every 10 ms); false when <paramref name="timeout"/> passes first.</summary>
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            Thread.Sleep(10);
        }
        return true;
    }
}
