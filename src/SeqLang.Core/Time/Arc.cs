namespace SeqLang.Core.Time;

/// <summary>A half-open span of time [Begin, End) in cycles. Strudel calls it a TimeSpan.</summary>
public readonly record struct Arc(Rational Begin, Rational End)
{
    public Rational Duration => End - Begin;

    /// <summary>Splits the arc at cycle boundaries; a zero-width arc yields itself once.</summary>
    public IEnumerable<Arc> CycleArcs()
    {
        if (Begin >= End)
        {
            if (Begin == End) yield return this;
            yield break;
        }
        var begin = Begin;
        while (begin < End)
        {
            var next = Rational.Min(begin.NextSam(), End);
            yield return new Arc(begin, next);
            begin = next;
        }
    }

    public Arc WithTime(Func<Rational, Rational> f) => new(f(Begin), f(End));

    public Arc WithCycle(Func<Rational, Rational> f)
    {
        var sam = Begin.Sam();
        return new Arc(sam + f(Begin - sam), sam + f(End - sam));
    }

    /// <summary>The overlap of two arcs, or null when they do not meet. Zero-width arcs meet at their point.</summary>
    public Arc? Intersect(Arc other)
    {
        var b = Rational.Max(Begin, other.Begin);
        var e = Rational.Min(End, other.End);
        if (b > e) return null;
        if (b == e)
        {
            // A zero-width intersection only counts when one side is itself zero-width and inside the other.
            if (b == End && Begin < End) return null;
            if (b == other.End && other.Begin < other.End) return null;
        }
        return new Arc(b, e);
    }

    public bool Contains(Rational t) => Begin <= t && t < End;

    public override string ToString() => $"{Begin}→{End}";
}
