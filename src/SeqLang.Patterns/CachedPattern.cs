using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Remembers whole cycles of a periodic pattern: cycle c is answered from cycle c mod P, moved by a whole
/// number of cycles. A lane's mini-notation is usually periodic with a small P ("x*16" has P = 1,
/// "&lt;a b c&gt;" P = 3), so rendering 10,000 bars computes a handful and copies the rest. Only queries of
/// exactly one whole cycle, and points, use the cache; anything else goes to the pattern itself, so answers
/// never change.
/// Safe across threads: a slot is filled with a complete array or not at all.
/// </summary>
internal sealed class CachedPattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly long _period;
    // Made on the first query: `seq check` compiles every lane and queries none, and thousands of lanes with
    // long periods would otherwise allocate megabytes of empty slots.
    private Hap<T>[]?[]? _cycles;

    public CachedPattern(Pattern<T> source, long period)
    {
        _source = source;
        _period = period;
    }

    private Hap<T>[]?[] Slots
    {
        get
        {
            if (Volatile.Read(ref _cycles) is { } slots) return slots;
            Interlocked.CompareExchange(ref _cycles, new Hap<T>[]?[_period], null);
            return Volatile.Read(ref _cycles)!;
        }
    }

    public override Rational? Period => _period;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var begin = arc.Begin;
        var end = arc.End;
        if (begin == end)
        {
            PointFromCycle(begin, context, output);
            return;
        }
        // Only an exact whole cycle comes from the cache: splitting longer queries at cycle boundaries would
        // cut events that cross them into fragments the pattern itself does not make.
        if (begin.IsInteger && end - begin == Rational.One) CopyCycle(begin.Numerator, context, output);
        else _source.QueryInto(arc, context, output);
    }

    public override bool TrySampleAt(Rational time, out T value)
    {
        var cycle = time.Floor();
        var slot = Time.Mod(cycle, _period);
        if (Volatile.Read(ref Slots[slot]) is not { } haps)
        {
            try
            {
                // Bounded: a sample must not compute a monstrous cycle; the point query is always cheap.
                haps = Cycle(slot, new QueryContext(QueryLimits.Default.MaxWork));
            }
            catch (PatternBudgetExceededException)
            {
                return base.TrySampleAt(time, out value);
            }
        }
        var local = slot == cycle ? time : time - (cycle - slot);
        foreach (var hap in haps)
        {
            if (Holds(hap.Part, local))
            {
                value = hap.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// A zero-width query answered from the cycle: the events whose part holds the point, with the point as
    /// their part, as the pattern itself would answer (a boundary belongs to the later event). Used by
    /// sampling (<c>vel "90 60"</c> at each note), which otherwise recomputes the cycle for every note.
    /// </summary>
    private void PointFromCycle(Rational time, QueryContext context, List<Hap<T>> output)
    {
        var cycle = time.Floor();
        var slot = Time.Mod(cycle, _period);
        var haps = Cycle(slot, context);
        var by = cycle - slot;
        var local = by == 0 ? time : time - by;
        var point = new Arc(time, time);
        Rational shift = by;
        foreach (var hap in haps)
        {
            if (!Holds(hap.Part, local)) continue;
            Arc? whole = hap.Whole is { } w ? (by == 0 ? w : Time.Shift(w, shift)) : null;
            output.Add(new Hap<T>(whole, point, hap.Value));
        }
    }

    private static bool Holds(Arc part, Rational t) => part.Begin <= t && t < part.End;

    private void CopyCycle(long cycle, QueryContext context, List<Hap<T>> output)
    {
        var slot = Time.Mod(cycle, _period);
        var haps = Cycle(slot, context);
        context.Tick();
        var by = cycle - slot;
        if (by == 0)
        {
            output.AddRange(haps);
            return;
        }
        Rational shift = by;
        foreach (var hap in haps)
        {
            var part = Time.Shift(hap.Part, shift);
            Arc? whole = hap.Whole is { } w ? (w == hap.Part ? part : Time.Shift(w, shift)) : null;
            output.Add(new Hap<T>(whole, part, hap.Value));
        }
    }

    /// <summary>
    /// Events remembered at most, over all cycles: a dense pattern with a long period (256 cycles of
    /// 9,000 events) would otherwise keep hundreds of megabytes alive. Past it, cycles are computed each time.
    /// </summary>
    private const int MaxRemembered = 1 << 16;

    private int _remembered;

    private Hap<T>[] Cycle(long slot, QueryContext context)
    {
        var slots = Slots;
        var haps = Volatile.Read(ref slots[slot]);
        if (haps is not null) return haps;
        var list = new List<Hap<T>>();
        _source.QueryInto(new Arc(slot, slot + 1), context, list);
        haps = list.ToArray();
        if (Interlocked.Add(ref _remembered, haps.Length) <= MaxRemembered) Volatile.Write(ref slots[slot], haps);
        else Interlocked.Add(ref _remembered, -haps.Length);
        return haps;
    }
}
