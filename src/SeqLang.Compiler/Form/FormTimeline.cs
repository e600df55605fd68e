using System.Runtime.InteropServices;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Form;

/// <summary>
/// The form laid out in bars for one seed: which section each bar belongs to, and where the piece ends.
/// The choice after entry e is made with <c>SeededRandom.At(StreamFor(seed, "form"), 0, e)</c>, a pure function
/// of the seed and the entry's ordinal, so the timeline is the same on every run and machine, whatever is asked
/// first. The chain is walked forward from bar 0 once; entries are kept in a list that grows on demand, and a bar is
/// found by binary search, so asking about any bar, in any order, gives what walking forward gives.
/// </summary>
/// <remarks>
/// Thread-safe: a lock makes the one writer (the walk that extends the cache) exclusive, so the player's
/// compile-ahead thread and a printing thread may share one timeline. Memory grows by 16 bytes per entry
/// walked: a form of 1-bar sections played for 10,000,000 bars holds about 160 MB.
/// </remarks>
public sealed class FormTimeline
{
    /// <summary><see cref="EndBar"/> stops looking after this many entries: such a piece is endless for any listener.</summary>
    public const long EndSearchEntries = 10_000_000;

    /// <summary>The form has one random operator, the choice after an entry; the entry's ordinal is its "time".</summary>
    private const ulong ChoiceSalt = 0;

    private readonly object _gate = new();
    private readonly ulong _stream;
    private readonly List<WalkedEntry> _entries = new();
    private readonly int[] _entriesByName;
    /// <summary>Set once the cached walk has reached <c>-> end</c>: the first bar after the piece.</summary>
    private long? _walkedEnd;
    private bool _endBarKnown;
    private long? _endBar;

    public FormTimeline(FormGraph graph, long seed)
    {
        Graph = graph;
        Seed = seed;
        _stream = SeededRandom.StreamFor(seed, "form");
        _entriesByName = new int[graph.NameCount];
        Append(0, 0);
    }

    public FormGraph Graph { get; }

    public long Seed { get; }

    /// <summary>The bar after the last one (the piece's length in bars), or null when the piece never ends.</summary>
    /// <remarks>
    /// A graph whose end is reachable only by chance is walked until it ends; if it has not ended after
    /// <see cref="EndSearchEntries"/> entries, or reaches a section from which <c>end</c> cannot be reached, this is null.
    /// </remarks>
    public long? EndBar
    {
        get
        {
            lock (_gate)
            {
                if (!_endBarKnown)
                {
                    _endBar = FindEnd();
                    _endBarKnown = true;
                }
                return _endBar;
            }
        }
    }

    /// <summary>Where <paramref name="bar"/> (0-based) falls, or null when the piece has ended before it.</summary>
    public SectionPosition? SectionAt(long bar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        lock (_gate)
        {
            while (_walkedEnd is null && LastEnd() is { } end && end <= bar) Extend();
            if (_walkedEnd is { } pieceEnd && bar >= pieceEnd) return null;
            var index = IndexOfBar(bar);
            return new SectionPosition(ToEntry(index), bar - _entries[index].Start + 1);
        }
    }

    /// <summary>The <paramref name="ordinal"/>-th entry (0-based), or null when the piece has fewer entries.</summary>
    public SectionEntry? Entry(long ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        lock (_gate)
        {
            while (_walkedEnd is null && _entries.Count <= ordinal && LastEnd() is not null) Extend();
            return ordinal < _entries.Count ? ToEntry((int)ordinal) : null;
        }
    }

    /// <summary>The section after <paramref name="section"/>'s entry number <paramref name="ordinal"/>, or null at <c>-> end</c>.</summary>
    private int? Follow(int section, long ordinal)
    {
        var next = Graph.Sections[section].Next;
        if (next.IsEnd) return null;
        return next.Choices.Count == 1
            ? next.Choices[0].Target
            : next.Choose(SeededRandom.At(_stream, ChoiceSalt, Rational.FromInteger(ordinal)));
    }

    private long? LastEnd()
    {
        var last = _entries[^1];
        return last.Start + Graph.Sections[last.Section].Bars;
    }

    private void Extend()
    {
        var last = _entries[^1];
        var end = LastEnd()!.Value;
        if (Follow(last.Section, _entries.Count - 1) is { } next) Append(next, end);
        else _walkedEnd = end;
    }

    private void Append(int section, long start)
    {
        var nameId = Graph.NameIdOf(section);
        _entries.Add(new WalkedEntry(start, section, _entriesByName[nameId]));
        _entriesByName[nameId]++;
    }

    /// <summary>Walks on from the last cached entry without caching: the end may lie far beyond any bar asked about.</summary>
    private long? FindEnd()
    {
        if (_walkedEnd is not null) return _walkedEnd;
        var section = _entries[^1].Section;
        var start = _entries[^1].Start;
        for (long ordinal = _entries.Count - 1; ordinal < EndSearchEntries; ordinal++)
        {
            if (!Graph.CanEndFrom(section)) return null;
            var end = start + Graph.Sections[section].Bars!.Value;
            if (Follow(section, ordinal) is not { } next) return end;
            section = next;
            start = end;
        }
        return null;
    }

    /// <summary>The last entry starting at or before <paramref name="bar"/>.</summary>
    private int IndexOfBar(long bar)
    {
        var entries = CollectionsMarshal.AsSpan(_entries);
        int low = 0, high = entries.Length - 1;
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            if (entries[middle].Start <= bar) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    private SectionEntry ToEntry(int index)
    {
        var walked = _entries[index];
        var section = Graph.Sections[walked.Section];
        return new SectionEntry(section.Name, section.Index, index, walked.EarlierEntries, walked.Start, section.Bars);
    }

    /// <summary>What the cache keeps per entry; the ordinal is its index, the rest comes from the graph.</summary>
    private readonly record struct WalkedEntry(long Start, int Section, int EarlierEntries);
}
