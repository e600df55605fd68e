namespace SeqLang.Core.Time;

/// <summary>A half-open span of time [Begin, End) in cycles. Strudel calls it a TimeSpan.</summary>
public readonly record struct Arc(Rational Begin, Rational End)
{
    public Rational Duration => End - Begin;

    /// <summary>Splits the arc at cycle boundaries; a zero-width arc yields itself once.</summary>
    /// <remarks>A struct to walk with foreach: generators query it once a bar, and an iterator object each time added up.</remarks>
    public CycleArcEnumerator CycleArcs() => new(this);

    public struct CycleArcEnumerator
    {
        private readonly Rational _end;
        private Rational _begin;
        private bool _zeroWidthLeft;

        internal CycleArcEnumerator(Arc arc)
        {
            _begin = arc.Begin;
            _end = arc.End;
            _zeroWidthLeft = arc.Begin == arc.End;
            Current = default;
        }

        public Arc Current { get; private set; }

        public readonly CycleArcEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_zeroWidthLeft)
            {
                _zeroWidthLeft = false;
                Current = new Arc(_begin, _end);
                return true;
            }
            if (_begin >= _end) return false;
            var next = Rational.Min(_begin.NextSam(), _end);
            Current = new Arc(_begin, next);
            _begin = next;
            return true;
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
