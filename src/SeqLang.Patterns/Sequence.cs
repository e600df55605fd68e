using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Sequences: steps side by side in one cycle, equal (fastcat), weighted (timecat) or aligned by steps (polymeter).</summary>
public static partial class Pattern
{
    /// <summary>All patterns squeezed into one cycle, each one step (Strudel's <c>fastcat</c>/<c>sequence</c>).</summary>
    public static Pattern<T> FastCat<T>(params Pattern<T>[] patterns) => patterns.Length switch
    {
        0 => Silence<T>(),
        1 => patterns[0],
        _ => new FastPattern<T>(new SlowCatPattern<T>((Pattern<T>[])patterns.Clone()), patterns.Length),
    };

    /// <summary>Like <see cref="FastCat{T}"/> but each step as long as its weight (mini-notation <c>a@3 b</c>).</summary>
    public static Pattern<T> TimeCat<T>(IReadOnlyList<(Rational Weight, Pattern<T> Pattern)> steps)
    {
        if (steps.Count == 0) return Silence<T>();
        if (steps.Count == 1) return steps[0].Pattern;
        var total = Rational.Zero;
        foreach (var step in steps) total += step.Weight;
        if (total.IsZero) return Silence<T>();
        var parts = new List<Pattern<T>>(steps.Count);
        var begin = Rational.Zero;
        foreach (var (weight, pattern) in steps)
        {
            var end = begin + weight;
            // Rests squeezed are still rests: skipping them saves a query per rest per cycle.
            if (pattern is not SilencePattern<T>) parts.Add(pattern.Compress(begin / total, end / total));
            begin = end;
        }
        return Stack(parts.ToArray());
    }

    /// <summary>
    /// Sequences aligned step by step (Strudel's <c>polymeterSteps</c>; mini-notation <c>{a b c, d e}%4</c>):
    /// each sequence of <c>Steps</c> steps is sped up so that <paramref name="stepsPerCycle"/> of its steps fill a cycle.
    /// </summary>
    public static Pattern<T> Polymeter<T>(Rational stepsPerCycle, params (Pattern<T> Pattern, Rational Steps)[] sequences)
    {
        var aligned = new Pattern<T>[sequences.Length];
        for (var i = 0; i < aligned.Length; i++)
            aligned[i] = sequences[i].Steps.IsZero ? Silence<T>() : sequences[i].Pattern.Fast(stepsPerCycle / sequences[i].Steps);
        return Stack(aligned);
    }
}
