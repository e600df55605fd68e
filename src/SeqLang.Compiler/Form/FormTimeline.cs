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
/// compile-ahead thread and a printing thread may share one timeline. Memory grows by 32 bytes per entry
/// walked: a form of 1-bar sections played for 10,000,000 bars holds about 320 MB.
/// Live control derives new timelines (<see cref="WithJump"/>, <see cref="WithQueued"/>, in
/// <c>FormTimeline.Overrides.cs</c>): a timeline is never changed once made.
/// </remarks>
public sealed partial class FormTimeline
{
    /// <summary><see cref="EndBar"/> stops looking after this many entries: such a piece is endless for any listener.</summary>
    public const long EndSearchEntries = 10_000_000;

    /// <summary>The form has one random operator, the choice after an entry; the entry's ordinal is its "time".</summary>
    private const ulong ChoiceSalt = 0;

    private readonly object _gate = new();
    private readonly ulong _stream;
    private readonly List<WalkedEntry> _entries = new();
    private readonly int[] _entriesByName;
    /// <summary>Forced entries (bar, section index), ascending by bar, at most one per bar: live jumps and queued sections.</summary>
    private readonly IReadOnlyList<(long Bar, int Section)> _forced;
    /// <summary>Set once the cached walk has reached <c>-> end</c>: the first bar after the piece.</summary>
    private long? _walkedEnd;
    private bool _endBarKnown;
    private long? _endBar;

    public FormTimeline(FormGraph graph, long seed)
        : this(graph, seed, Array.Empty<(long, int)>())
    {
    }

    private FormTimeline(FormGraph graph, long seed, IReadOnlyList<(long Bar, int Section)> forced)
    {
        Graph = graph;
        Seed = seed;
        _forced = forced;
        _stream = SeededRandom.StreamFor(seed, "form");
        _entriesByName = new int[graph.NameCount];
        Append(ForcedAt(0) ?? 0, 0);
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
        return last.Start + last.Length;
    }

    private void Extend()
    {
        var last = _entries[^1];
        var end = LastEnd()!.Value;
        if (ForcedAt(end) is { } forced) Append(forced, end);
        else if (Follow(last.Section, _entries.Count - 1) is { } next) Append(next, end);
        else _walkedEnd = end;
    }

    /// <summary>Adds an entry; it lasts its section's bars, or until the next forced entry cuts it short.</summary>
    private void Append(int section, long start)
    {
        var nameId = Graph.NameIdOf(section);
        long? length = Graph.Sections[section].Bars;
        if (NextForcedAfter(start) is { } cut && (length is null || cut < start + length)) length = cut - start;
        _entries.Add(new WalkedEntry(start, length, section, _entriesByName[nameId]));
        _entriesByName[nameId]++;
    }

    /// <summary>Walks on from the last cached entry without caching: the end may lie far beyond any bar asked about.</summary>
    private long? FindEnd()
    {
        // Forced entries are few: walk through them into the cache, so the walk below is the graph's alone.
        while (_walkedEnd is null && _forced.Count > 0 && _entries[^1].Start < _forced[^1].Bar && LastEnd() is not null) Extend();
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
        return new SectionEntry(section.Name, section.Index, index, walked.EarlierEntries, walked.Start, walked.Length);
    }

    /// <summary>
    /// What the cache keeps per entry; the ordinal is its index. <see cref="Length"/> is the section's bars unless a
    /// forced entry cut it short (null for the endless <c>main</c>).
    /// </summary>
    private readonly record struct WalkedEntry(long Start, long? Length, int Section, int EarlierEntries);
}
