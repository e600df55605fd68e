using SeqLang.Core.Time;

namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>Moves a pattern earlier by <paramref name="offset"/> cycles (Strudel's <c>early</c>).</summary>
    public static Pattern<T> Early<T>(this Pattern<T> pattern, Rational offset)
    {
        if (offset.IsZero) return pattern;
        return pattern.WithTime(arc => new Arc(arc.Begin + offset, arc.End + offset), arc => new Arc(arc.Begin - offset, arc.End - offset));
    }

    /// <summary>Moves a pattern later by <paramref name="offset"/> cycles (Strudel's <c>late</c>; our <c>shift</c>).</summary>
    public static Pattern<T> Late<T>(this Pattern<T> pattern, Rational offset) => pattern.Early(-offset);
}
