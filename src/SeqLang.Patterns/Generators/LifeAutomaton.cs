namespace SeqLang.Patterns.Generators;

/// <summary>
/// <c>life B3/S23</c> (SPEC §15): an outer-totalistic automaton on a grid of R rows (1..16) by W cells (1..64) wrapping at
/// every edge (a torus). A cell's neighbours are the 8 cells around it in Moore's neighbourhood, counted by position: on
/// a grid of 1 or 2 rows (or columns) the wrap makes one cell fill two of those positions, and it counts twice. A dead
/// cell is born when its count is in B, a live one survives when its count is in S. Generation g is grid g; grids are
/// walked from generation 0 once and kept until one repeats (the state space is finite), after which any generation is
/// answered from the cycle, so any bar costs the same, in any order. Safe across threads.
/// </summary>
public sealed class LifeAutomaton
{
    /// <summary>Grids kept while looking for the cycle; past this the walk goes on from the last kept grid.</summary>
    private const int MaxKept = 1 << 16;

    private readonly int _birth;
    private readonly int _survive;
    private readonly int _width;
    private readonly ulong _mask;
    private readonly List<ulong[]> _grids = new();
    private readonly Dictionary<ulong[], int> _seen = new(GridComparer.Instance);
    private readonly object _walk = new();
    private int _cycleStart = -1;

    /// <param name="birth">Bit k set: a dead cell with k live neighbours is born (k = 0..8).</param>
    /// <param name="survive">Bit k set: a live cell with k live neighbours lives on.</param>
    /// <param name="width">1..64 cells a row.</param>
    /// <param name="first">Generation 0, one entry a row (1..16 rows), cell i in bit i.</param>
    public LifeAutomaton(int birth, int survive, int width, IReadOnlyList<ulong> first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(birth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birth, 511);
        ArgumentOutOfRangeException.ThrowIfNegative(survive);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(survive, 511);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(first.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first.Count, 16);
        _birth = birth;
        _survive = survive;
        _width = width;
        _mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var grid = first.Select(r => r & _mask).ToArray();
        _grids.Add(grid);
        _seen[grid] = 0;
    }

    /// <summary>Rows in the grid.</summary>
    public int Rows => _grids[0].Length;

    /// <summary>The cells of generation <paramref name="generation"/>, one entry a row, cell i in bit i. Do not change it.</summary>
    public IReadOnlyList<ulong> Grid(long generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        lock (_walk)
        {
            while (_cycleStart < 0 && generation >= _grids.Count && _grids.Count < MaxKept)
            {
                var next = Next(_grids[^1]);
                if (_seen.TryGetValue(next, out var start)) _cycleStart = start;
                else
                {
                    _seen[next] = _grids.Count;
                    _grids.Add(next);
                }
            }
            if (generation < _grids.Count) return _grids[(int)generation];
            if (_cycleStart >= 0) return _grids[(int)(_cycleStart + (generation - _cycleStart) % (_grids.Count - _cycleStart))];
            // No repeat within the kept grids: walk on from the last one (only pieces longer than 65,536 bars get here).
            var grid = _grids[^1];
            for (var g = (long)_grids.Count - 1; g < generation; g++) grid = Next(grid);
            return grid;
        }
    }

    /// <summary>The first generation from which every grid is empty, or null when the automaton never dies out.</summary>
    public long? DiesAt(long within)
    {
        for (long g = 0; g < within; g++)
        {
            if (Grid(g).Any(r => r != 0)) continue;
            // Empty stays empty unless a cell is born with no neighbours (B0).
            return (_birth & 1) == 0 ? g : null;
        }
        return null;
    }

    private ulong[] Next(ulong[] grid)
    {
        var rows = grid.Length;
        var next = new ulong[rows];
        for (var r = 0; r < rows; r++)
        {
            var up = grid[(r + rows - 1) % rows];
            var self = grid[r];
            var down = grid[(r + 1) % rows];
            // The 8 neighbours as 8 rows of bits, added cell by cell into a 4-bit count (bit planes c0..c3).
            ulong c0 = 0, c1 = 0, c2 = 0, c3 = 0;
            foreach (var n in new[] { RotateLeft(up), up, RotateRight(up), RotateLeft(self), RotateRight(self), RotateLeft(down), down, RotateRight(down) })
            {
                var carry0 = c0 & n;
                c0 ^= n;
                var carry1 = c1 & carry0;
                c1 ^= carry0;
                var carry2 = c2 & carry1;
                c2 ^= carry1;
                c3 |= carry2;
            }
            ulong born = 0, lives = 0;
            for (var k = 0; k <= 8; k++)
            {
                if (((_birth | _survive) >> k & 1) == 0) continue;
                var count = ((k & 1) != 0 ? c0 : ~c0) & ((k & 2) != 0 ? c1 : ~c1) & ((k & 4) != 0 ? c2 : ~c2) & ((k & 8) != 0 ? c3 : ~c3);
                if ((_birth >> k & 1) != 0) born |= count;
                if ((_survive >> k & 1) != 0) lives |= count;
            }
            next[r] = ((~self & born) | (self & lives)) & _mask;
        }
        return next;
    }

    // Cell i sees cell i-1 at its left (RotateLeft moves cell i-1 into bit i) and cell i+1 at its right.
    private ulong RotateLeft(ulong row) => ((row << 1) | (row >> (_width - 1))) & _mask;

    private ulong RotateRight(ulong row) => ((row >> 1) | (row << (_width - 1))) & _mask;

    private sealed class GridComparer : IEqualityComparer<ulong[]>
    {
        public static readonly GridComparer Instance = new();

        public bool Equals(ulong[]? a, ulong[]? b) => a is not null && b is not null && a.AsSpan().SequenceEqual(b);

        public int GetHashCode(ulong[] grid)
        {
            var hash = new HashCode();
            foreach (var row in grid) hash.Add(row);
            return hash.ToHashCode();
        }
    }
}
