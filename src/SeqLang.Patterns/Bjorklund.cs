namespace SeqLang.Patterns;

/// <summary>
/// Bjorklund's algorithm as Strudel runs it (ported there from Rohan Drape's Haskell), producing the
/// same rotation of each rhythm. The algorithm only ever holds copies of two sequences, X and Y, so we
/// keep those as small trees instead of arrays, and run its repeated "right" steps in one go by
/// division: <c>(3, 99999999)</c> builds in a few steps and a few nodes.
/// </summary>
internal sealed class Bjorklund : StepStructure
{
    private readonly Node _root;
    private readonly long _steps;
    private readonly long _rotation;

    /// <param name="pulses">Onsets; negative inverts the rhythm (Strudel 1.2).</param>
    /// <param name="steps">Steps per cycle; at least |pulses| and at least 1.</param>
    /// <param name="rotation">Steps to rotate later; Strudel leaves the rhythm alone when |rotation| ≥ steps.</param>
    public Bjorklund(long pulses, long steps, long rotation)
    {
        var inverted = pulses < 0;
        long ons = Math.Abs(pulses), offs = steps - ons;
        Node x = new Leaf(!inverted), y = new Leaf(inverted);
        while (Math.Min(ons, offs) > 1)
        {
            if (ons > offs)
            {
                // "left": offs copies of X+Y, then ons-offs copies of X.
                (x, y) = (new Concat(x, y), x);
                (ons, offs) = (offs, ons - offs);
            }
            else
            {
                // A run of "right" steps: each appends Y to every X and uses up ons copies of Y.
                var q = offs / ons;
                x = new Concat(x, Repeat.Of(y, q));
                offs -= q * ons;
            }
        }
        _root = new Concat(Repeat.Of(x, ons), Repeat.Of(y, offs));
        _steps = steps;
        _rotation = Math.Abs(rotation) >= steps ? 0 : rotation;
    }

    public override long Steps => _steps;

    public long Pulses => _root.Ones;

    public override long NextOn(long step)
    {
        if (_root.Ones == 0) return long.MaxValue;
        // Rotating later by r: step p of the result is step (p - r) of the plain rhythm.
        var position = Time.Mod(step, _steps);
        var unrotated = Time.Mod(position - _rotation, _steps);
        var found = _root.NextOn(unrotated);
        var distance = found >= 0 ? found - unrotated : _steps - unrotated + _root.FirstOn;
        return step > long.MaxValue - distance ? long.MaxValue : step + distance;
    }

    /// <summary>The rhythm as 0/1 steps, for tests and small displays.</summary>
    public bool[] ToArray()
    {
        var result = new bool[_steps];
        for (long i = 0; i < _steps; i++) result[i] = IsOn(i);
        return result;
    }

    private abstract class Node
    {
        public long Length;
        public long Ones;
        public long FirstOn = -1;

        /// <summary>First index ≥ k (0 ≤ k) within this node whose step is on, or -1.</summary>
        public abstract long NextOn(long k);
    }

    private sealed class Leaf : Node
    {
        public Leaf(bool on)
        {
            Length = 1;
            Ones = on ? 1 : 0;
            FirstOn = on ? 0 : -1;
        }

        public override long NextOn(long k) => k == 0 && Ones == 1 ? 0 : -1;
    }

    private sealed class Concat : Node
    {
        private readonly Node _a, _b;

        public Concat(Node a, Node b)
        {
            _a = a;
            _b = b;
            Length = checked(a.Length + b.Length);
            Ones = a.Ones + b.Ones;
            FirstOn = a.FirstOn >= 0 ? a.FirstOn : b.FirstOn >= 0 ? a.Length + b.FirstOn : -1;
        }

        public override long NextOn(long k)
        {
            if (Ones == 0 || k >= Length) return -1;
            if (k < _a.Length)
            {
                var r = _a.NextOn(k);
                if (r >= 0) return r;
                return _b.FirstOn >= 0 ? _a.Length + _b.FirstOn : -1;
            }
            var s = _b.NextOn(k - _a.Length);
            return s >= 0 ? _a.Length + s : -1;
        }
    }

    private sealed class Repeat : Node
    {
        private readonly Node _item;
        private readonly long _count;

        private Repeat(Node item, long count)
        {
            _item = item;
            _count = count;
            Length = checked(item.Length * count);
            Ones = checked(item.Ones * count);
            FirstOn = count > 0 ? item.FirstOn : -1;
        }

        public static Node Of(Node item, long count) => count == 1 ? item : new Repeat(item, count);

        public override long NextOn(long k)
        {
            if (Ones == 0 || k >= Length) return -1;
            var index = k / _item.Length;
            var r = _item.NextOn(k - index * _item.Length);
            if (r >= 0) return index * _item.Length + r;
            return index + 1 < _count ? (index + 1) * _item.Length + _item.FirstOn : -1;
        }
    }
}
