using SeqLang.Core.Time;

namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>Speeds a pattern up by <paramref name="factor"/> (Strudel's <c>fast</c>); 0 gives silence, a negative factor also reverses.</summary>
    public static Pattern<T> Fast<T>(this Pattern<T> pattern, Rational factor)
    {
        if (factor.IsZero) return Silence<T>();
        if (factor.Sign < 0) return pattern.Fast(-factor).Rev();
        if (factor == Rational.One) return pattern;
        var inverse = Rational.One / factor;
        return pattern.WithTime(arc => new Arc(arc.Begin * factor, arc.End * factor), arc => new Arc(arc.Begin * inverse, arc.End * inverse));
    }

    /// <summary>Slows a pattern down by <paramref name="factor"/> (Strudel's <c>slow</c>).</summary>
    public static Pattern<T> Slow<T>(this Pattern<T> pattern, Rational factor) =>
        factor.IsZero ? Silence<T>() : pattern.Fast(Rational.One / factor);
}
