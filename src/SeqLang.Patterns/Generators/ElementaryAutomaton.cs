namespace SeqLang.Patterns.Generators;

/// <summary>
/// <c>cellular RULE</c> (SPEC §15): Wolfram's elementary automaton of W cells (1..64) wrapping at the edges, a
/// cell's next state being bit (4·left + 2·self + right) of RULE; generation g is row g. Rows are walked from
/// generation 0 once and kept until the automaton repeats (its state space is finite), after which any
/// generation is answered from the cycle; so any bar costs the same, in any order. Safe across threads.
/// </summary>
public sealed class ElementaryAutomaton
{
    /// <summary>Rows kept while looking for the cycle; past this the walk goes on from the last kept row.</summary>
    private const int MaxKept = 1 << 20;

    private readonly int _rule;
    private readonly int _width;
    private readonly ulong _mask;
    private readonly List<ulong> _rows = new();
    private readonly Dictionary<ulong, int> _seen = new();
    private readonly object _walk = new();
    private int _cycleStart = -1;

    /// <param name="rule">0..255.</param>
    /// <param name="width">1..64 cells.</param>
    /// <param name="first">Generation 0, cell i in bit i.</param>
    public ElementaryAutomaton(int rule, int width, ulong first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rule);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rule, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 64);
        _rule = rule;
        _width = width;
        _mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        _rows.Add(first & _mask);
        _seen[first & _mask] = 0;
    }

    /// <summary>The cells of generation <paramref name="generation"/> (cell i in bit i).</summary>
    public ulong Row(long generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        lock (_walk)
        {
            if (_cycleStart >= 0)
            {
                var period = _rows.Count - _cycleStart;
                if (generation >= _rows.Count) generation = _cycleStart + (generation - _cycleStart) % period;
                return _rows[(int)generation];
            }
            while (generation >= _rows.Count && _cycleStart < 0 && _rows.Count < MaxKept)
            {
                var next = Next(_rows[^1]);
                if (_seen.TryGetValue(next, out var start)) _cycleStart = start;
                else
                {
                    _seen[next] = _rows.Count;
                    _rows.Add(next);
                }
            }
            if (generation < _rows.Count) return _rows[(int)generation];
            if (_cycleStart >= 0) return Row(generation);
            // No repeat within the kept rows: walk on from the last one (only pieces longer than a million bars get here).
            var row = _rows[^1];
            for (var g = (long)_rows.Count - 1; g < generation; g++) row = Next(row);
            return row;
        }
    }

    /// <summary>The first generation from which every row is empty, or null when the automaton never dies out.</summary>
    public long? DiesAt(long within)
    {
        for (long g = 0; g < within; g++)
        {
            if (Row(g) != 0) continue;
            // Empty stays empty unless the rule lights cells around nothing (bit 0).
            return (_rule & 1) == 0 ? g : null;
        }
        return null;
    }

    private ulong Next(ulong row)
    {
        var left = RotateLeft(row);   // cell i sees cell i-1 on its left
        var right = RotateRight(row); // and cell i+1 on its right
        ulong next = 0;
        for (var pattern = 0; pattern < 8; pattern++)
        {
            if ((_rule >> pattern & 1) == 0) continue;
            var l = (pattern & 4) != 0 ? left : ~left;
            var s = (pattern & 2) != 0 ? row : ~row;
            var r = (pattern & 1) != 0 ? right : ~right;
            next |= l & s & r;
        }
        return next & _mask;
    }

    private ulong RotateLeft(ulong row) => ((row << 1) | (row >> (_width - 1))) & _mask;

    private ulong RotateRight(ulong row) => ((row >> 1) | (row << (_width - 1))) & _mask;
}
