using SeqLang.Core.Time;

namespace SeqLang.Patterns.Generators;

/// <summary>
/// <c>weights { DRUM W ... } steps N</c> (SPEC §15), interlocking voices: every bar each voice's accumulator starts at
/// 0 and grows by its weight at each step; the step goes to the voice with the largest (ties: the first listed),
/// which then loses 1. When the weights sum to less than 1 a silent voice with the remaining weight takes part,
/// after every other in the order of ties, and the steps it wins are rests. Exact rationals decide every step.
/// </summary>
public static class WeightedSteps
{
    /// <summary>For each step, the index of the voice that plays it, or -1 for a rest.</summary>
    public static int[] Steps(IReadOnlyList<Rational> weights, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var total = Rational.Zero;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(w, Rational.Zero);
            total += w;
        }
        var voices = new List<Rational>(weights);
        var silent = total < Rational.One;
        if (silent) voices.Add(Rational.One - total);
        var accumulators = Enumerable.Repeat(Rational.Zero, voices.Count).ToArray();
        var row = new int[steps];
        for (var step = 0; step < steps; step++)
        {
            var best = 0;
            for (var v = 0; v < voices.Count; v++)
            {
                accumulators[v] += voices[v];
                if (accumulators[v] > accumulators[best]) best = v;
            }
            accumulators[best] -= Rational.One;
            row[step] = silent && best == voices.Count - 1 ? -1 : best;
        }
        return row;
    }
}
