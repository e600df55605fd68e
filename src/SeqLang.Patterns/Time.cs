using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Small time helpers shared by the combinators, kept allocation-free.</summary>
internal static class Time
{
    /// <summary>
    /// Strudel's intersection: null when the arcs do not meet; a zero-width meeting at the end of a
    /// non-zero-width arc does not count (so a boundary point belongs to the later event).
    /// </summary>
    public static Arc? Intersect(Arc a, Arc b) => a.Intersect(b);

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    /// <summary>Maps both ends of an arc by <c>t * factor</c>.</summary>
    public static Arc Scale(Arc arc, Rational factor) => new(arc.Begin * factor, arc.End * factor);

    public static Arc Shift(Arc arc, Rational by) => new(arc.Begin + by, arc.End + by);

    /// <summary>Proper modulo (non-negative result for positive m), as Strudel's <c>_mod</c>.</summary>
    public static long Mod(long n, long m)
    {
        var r = n % m;
        return r < 0 ? r + m : r;
    }

    public static Hap<T> ScaleHap<T>(in Hap<T> hap, Rational factor) =>
        new(hap.Whole is { } w ? Scale(w, factor) : null, Scale(hap.Part, factor), hap.Value);

    public static Hap<T> ShiftHap<T>(in Hap<T> hap, Rational by) =>
        new(hap.Whole is { } w ? Shift(w, by) : null, Shift(hap.Part, by), hap.Value);
}
