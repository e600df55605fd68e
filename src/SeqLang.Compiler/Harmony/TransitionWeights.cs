namespace SeqLang.Compiler.Harmony;

/// <summary>
/// The weights a walk uses to choose the next chord, from the style's written weight w of each move:
/// <code>
/// w' = w × (1 + Strength × G × Pull(function of the target))            gravity, G in 0..1
/// w'' = w' × (d₁ if the target's root = the current root, else 1)
///          × (d₂ if the target's root = the root one step earlier, else 1)   damping
/// </code>
/// with Strength = 3 and Pull = 1 for a tonic chord, 1/2 for a dominant, 1/4 for a subdominant and 0 for
/// colour; so at G = 1 a move home weighs 4 times what it is written, a move to the dominant 2.5 times.
/// G = 0 leaves the weights as written. d₁ and d₂ come from <see cref="HarmonyDamping"/>. The next chord
/// is then move k where k is the first index with w''₀ + ... + w''ₖ &gt; u × (w''₀ + ... + w''ₙ₋₁), u the
/// step's random number in [0, 1); sums run in the style's fixed order of moves, so the choice is the same
/// on every machine.
/// </summary>
internal static class TransitionWeights
{
    /// <summary>How far gravity can multiply the most pulled-to chord's weight, beyond 1.</summary>
    public const double Strength = 3;

    /// <summary>How strongly a chord of <paramref name="function"/> pulls under gravity.</summary>
    public static double Pull(HarmonicFunction function) => function switch
    {
        HarmonicFunction.Tonic => 1,
        HarmonicFunction.Dominant => 0.5,
        HarmonicFunction.Subdominant => 0.25,
        _ => 0,
    };

    /// <summary>
    /// The weight of each move of chord <paramref name="current"/> (same order as its moves) after gravity and
    /// damping; <paramref name="previous"/> is the chord one step earlier, or null at the first step.
    /// </summary>
    public static double[] For(HarmonyStyle style, int current, int? previous, double gravity, HarmonyDamping damping)
    {
        var moves = style.Moves[current];
        var weights = new double[moves.Count];
        Fill(style, current, previous, gravity, damping, weights);
        return weights;
    }

    /// <summary>Picks a move of <paramref name="current"/> for the random number <paramref name="u"/> in [0, 1); returns the chosen chord's index.</summary>
    public static int Choose(HarmonyStyle style, int current, int? previous, double gravity, HarmonyDamping damping, double u)
    {
        var moves = style.Moves[current];
        // Styles have a handful of moves per chord; the stack keeps the walk free of garbage.
        Span<double> weights = moves.Count <= 32 ? stackalloc double[moves.Count] : new double[moves.Count];
        Fill(style, current, previous, gravity, damping, weights);
        var total = 0.0;
        foreach (var w in weights) total += w;
        var target = u * total;
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            if (sum > target) return moves[i].To;
        }
        // Rounding can leave the last partial sum a hair under u × total when u is just below 1.
        return moves[^1].To;
    }

    private static void Fill(HarmonyStyle style, int current, int? previous, double gravity, HarmonyDamping damping, Span<double> weights)
    {
        var moves = style.Moves[current];
        var currentRoot = style.Chords[current].Offset;
        int? previousRoot = previous is { } p ? style.Chords[p].Offset : null;
        for (var i = 0; i < moves.Count; i++)
        {
            var target = style.Chords[moves[i].To];
            var w = moves[i].Weight * (1 + Strength * gravity * Pull(target.Function));
            if (target.Offset == currentRoot) w *= damping.SameRootAsCurrent;
            if (target.Offset == previousRoot) w *= damping.SameRootAsPrevious;
            weights[i] = w;
        }
    }
}
