using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Transformations, named as in Strudel. Each returns a new pattern; none changes this one.</summary>
public abstract partial class Pattern<T>
{
    /// <summary>
    /// Plays <paramref name="factor"/> cycles per cycle. Zero gives silence, as in Strudel. A negative factor
    /// maps time through zero as Strudel's does: alone it meets nothing (its queries run backwards), but
    /// two of them cancel out (<c>a*-1*-1</c> is <c>a</c>).
    /// </summary>
    public Pattern<T> Fast(Rational factor)
    {
        if (factor.IsZero) return Pattern.Silence<T>();
        return factor == Rational.One ? this : new FastPattern<T>(this, factor);
    }

    /// <summary>Stretches one cycle over <paramref name="factor"/> cycles (fractions allowed). Zero gives silence.</summary>
    public Pattern<T> Slow(Rational factor) => factor.IsZero ? Pattern.Silence<T>() : Fast(Rational.One / factor);

    /// <summary><see cref="Fast(Rational)"/> with a patterned factor; the pattern is not restarted when the factor changes.</summary>
    public Pattern<T> Fast(Pattern<Rational> factor) => Pattern.Patterned(factor, Fast);

    /// <summary><see cref="Slow(Rational)"/> with a patterned factor.</summary>
    public Pattern<T> Slow(Pattern<Rational> factor) => Pattern.Patterned(factor, Slow);

    /// <summary>Moves the pattern later by <paramref name="cycles"/> (negative: earlier). The lane modifier <c>shift F</c>.</summary>
    public Pattern<T> Late(Rational cycles) => cycles.IsZero ? this : new ShiftPattern<T>(this, cycles);

    /// <summary>Moves the pattern earlier by <paramref name="cycles"/>.</summary>
    public Pattern<T> Early(Rational cycles) => Late(-cycles);

    /// <summary>Same as <see cref="Late"/>: the lane modifier <c>shift F</c>.</summary>
    public Pattern<T> Shift(Rational cycles) => Late(cycles);

    /// <summary>Reverses each cycle.</summary>
    public Pattern<T> Rev() => new RevPattern<T>(this);

    /// <summary>Applies <paramref name="transform"/> in cycles where cycle mod <paramref name="n"/> = 0 (lane modifier <c>every N MOD</c>).</summary>
    public Pattern<T> Every(long n, Func<Pattern<T>, Pattern<T>> transform)
    {
        if (n <= 0) return this;
        var transformed = transform(this);
        return n == 1 ? transformed : new EveryPattern<T>(this, transformed, n);
    }

    /// <summary>Drops each event with probability <paramref name="amount"/> (Strudel's <c>degradeBy</c>; mini <c>?</c>).</summary>
    public Pattern<T> DegradeBy(double amount, ulong stream, ulong salt) =>
        new DegradePattern<T>(this, amount, stream, salt, keepBelow: false);

    /// <summary>Keeps each event with probability <paramref name="probability"/> (lane modifier <c>prob P</c>).</summary>
    public Pattern<T> KeepWithProbability(double probability, ulong stream, ulong salt) =>
        new DegradePattern<T>(this, probability, stream, salt, keepBelow: true);

    /// <summary>
    /// This pattern with whole cycles remembered when it is periodic (see <see cref="Period"/>), so repeated
    /// bars are copied instead of recomputed; itself when its period is unknown or long.
    /// </summary>
    public Pattern<T> Cached(long maxPeriod = 256)
    {
        if (this is CachedPattern<T>) return this;
        if (Periods.Whole(Period) is not { } whole || whole.Numerator > maxPeriod) return this;
        return new CachedPattern<T>(this, whole.Numerator);
    }

    /// <summary>Maps every value.</summary>
    public Pattern<TOut> Select<TOut>(Func<T, TOut> map) => new SelectPattern<T, TOut>(this, map);

    /// <summary>Keeps events whose value passes <paramref name="keep"/>.</summary>
    public Pattern<T> Where(Func<T, bool> keep) => new WherePattern<T>(this, keep);

    /// <summary>Plays each cycle <paramref name="times"/> times before moving on.</summary>
    public Pattern<T> RepeatCycles(Rational times) => times.IsZero ? Pattern.Silence<T>() : new RepeatCyclesPattern<T>(this, times);

    /// <summary>Squeezes each cycle into [<paramref name="begin"/>, <paramref name="end"/>) of the cycle; silence unless 0 ≤ begin &lt; end ≤ 1.</summary>
    public Pattern<T> Compress(Rational begin, Rational end)
    {
        if (begin >= end || begin.Sign < 0 || end > Rational.One) return Pattern.Silence<T>();
        return new CompressPattern<T>(this, begin, end);
    }

    /// <summary>Samples the pattern <paramref name="steps"/> times per cycle: each step an event with the value there.</summary>
    public Pattern<T> Segment(long steps) =>
        steps <= 0 ? Pattern.Silence<T>() : new StructPattern<T>(this, new AllStepsOn(steps));

    /// <summary>
    /// A Euclidean rhythm of <paramref name="pulses"/> onsets over <paramref name="steps"/> steps, rotated
    /// later by <paramref name="rotation"/> steps, with this pattern's values (mini <c>a(3,8,2)</c>).
    /// Negative pulses invert the rhythm. Arguments Strudel rejects (non-integers, more pulses than steps)
    /// give a pattern whose queries fail, as Strudel's do. <paramref name="queryOffSteps"/>: see
    /// <see cref="StructPattern{T}"/> (only for sources whose queries can fail).
    /// </summary>
    public Pattern<T> Euclid(Rational pulses, Rational steps, Rational rotation, bool queryOffSteps = false)
    {
        if (!pulses.IsInteger || !steps.IsInteger || steps.Sign < 0 || pulses.Abs() > steps)
            return Pattern.Failing<T>($"euclid({pulses},{steps}) needs whole numbers with at most as many pulses as steps");
        if (steps.IsZero) return Pattern.Silence<T>();
        // Strudel rotates by the integer part of the rotation (JavaScript's slice truncates).
        var rotation0 = rotation.Sign < 0 ? -(-rotation).Floor() : rotation.Floor();
        return new StructPattern<T>(this, new Bjorklund(pulses.Numerator, steps.Numerator, rotation0), queryOffSteps);
    }

    /// <summary>Each event repeated <paramref name="times"/> times within its span (Strudel's <c>ply</c>).</summary>
    public Pattern<T> Ply(Rational times) =>
        times.Sign <= 0 ? Pattern.Silence<T>() : Pattern.SqueezeJoin(Select(value => Pattern.Pure(value).Fast(times)));

    /// <summary>
    /// Cycle c plays the pattern (c mod <paramref name="n"/>)/n of a cycle further on (Strudel's <c>iter</c>): a
    /// slow concatenation of the pattern moved earlier by 0, 1/n, 2/n...
    /// </summary>
    public Pattern<T> Iter(long n)
    {
        if (n <= 1) return this;
        var shifted = new Pattern<T>[n];
        for (var i = 0; i < n; i++) shifted[i] = Early(new Rational(i, n));
        return Pattern.SlowCat(shifted);
    }

    /// <summary>Every other cycle reversed, the odd ones (Strudel's <c>palindrome</c>: <c>lastOf(2, rev)</c>).</summary>
    public Pattern<T> Palindrome() => new EveryPattern<T>(this, Rev(), 2, phase: 1);

    /// <summary>
    /// Strudel 1.2's <c>chunk</c>: each cycle of the pattern repeats <paramref name="n"/> times, and in cycle c the
    /// part (c mod n) of n plays through <paramref name="transform"/>.
    /// </summary>
    public Pattern<T> Chunk(long n, Func<Pattern<T>, Pattern<T>> transform)
    {
        if (n <= 0) return this;
        var repeated = n == 1 ? this : RepeatCycles(n);
        return new ChunkPattern<T>(repeated, transform(repeated), n);
    }

    /// <summary>
    /// Whole cycles through <paramref name="transform"/> with probability <paramref name="probability"/>, drawn per
    /// cycle from <paramref name="stream"/> and <paramref name="salt"/> (Strudel's <c>someCyclesBy</c>).
    /// </summary>
    public Pattern<T> SomeCycles(double probability, ulong stream, ulong salt, Func<Pattern<T>, Pattern<T>> transform) =>
        new SomeCyclesPattern<T>(this, transform(this), probability, stream, salt);
}
