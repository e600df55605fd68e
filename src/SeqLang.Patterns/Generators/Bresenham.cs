namespace SeqLang.Patterns.Generators;

/// <summary>
/// <c>bresenham K N</c> (SPEC §15): K hits spread over N steps, late in each group: step i hits when
/// ⌊(i+1)·K/N⌋ &gt; ⌊i·K/N⌋ (5 of 16: steps 3, 6, 9, 12, 15).
/// </summary>
public static class Bresenham
{
    public static bool[] Steps(int hits, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hits, steps);
        var row = new bool[steps];
        for (var i = 0; i < steps; i++) row[i] = (long)(i + 1) * hits / steps > (long)i * hits / steps;
        return row;
    }
}
