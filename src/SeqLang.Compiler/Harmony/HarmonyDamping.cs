namespace SeqLang.Compiler.Harmony;

/// <summary>
/// How much a move is held back when its root repeats a recent root, so a walk does not get stuck on one chord
/// or rock between two: a candidate with the current chord's root has its weight multiplied by
/// <see cref="SameRootAsCurrent"/>, and one with the root of the chord before that by <see cref="SameRootAsPrevious"/>.
/// Both are in (0, 1], so a move is never forbidden: a chord whose only move keeps its root still takes it.
/// </summary>
public sealed record HarmonyDamping
{
    public HarmonyDamping(double sameRootAsCurrent, double sameRootAsPrevious)
    {
        if (!(sameRootAsCurrent > 0 && sameRootAsCurrent <= 1))
            throw new ArgumentOutOfRangeException(nameof(sameRootAsCurrent), sameRootAsCurrent, "a damping factor is above 0 and at most 1");
        if (!(sameRootAsPrevious > 0 && sameRootAsPrevious <= 1))
            throw new ArgumentOutOfRangeException(nameof(sameRootAsPrevious), sameRootAsPrevious, "a damping factor is above 0 and at most 1");
        SameRootAsCurrent = sameRootAsCurrent;
        SameRootAsPrevious = sameRootAsPrevious;
    }

    /// <summary>What <c>harmony</c> uses: a repeated root at a quarter of its weight, a root from two chords back at half.</summary>
    public static HarmonyDamping Standard { get; } = new(0.25, 0.5);

    /// <summary>The graph's weights untouched; for measuring what damping does.</summary>
    public static HarmonyDamping None { get; } = new(1, 1);

    /// <summary>The factor for a candidate whose root is the current chord's root.</summary>
    public double SameRootAsCurrent { get; }

    /// <summary>The factor for a candidate whose root is the root of the chord one step before the current one.</summary>
    public double SameRootAsPrevious { get; }
}
