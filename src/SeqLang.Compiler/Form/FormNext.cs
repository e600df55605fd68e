using System.Numerics;

namespace SeqLang.Compiler.Form;

/// <summary>
/// What follows a section: the end of the piece, or a weighted choice among sections (one choice
/// with weight 1 when the way on is fixed, as for a section that repeats itself).
/// </summary>
public sealed class FormNext
{
    /// <summary>2^53: <see cref="Patterns.SeededRandom.At"/> gives multiples of 2^-53, so this turns one into a whole number exactly.</summary>
    private const double UnitScale = 9007199254740992.0;

    private readonly ulong[] _cumulative;

    private FormNext(bool isEnd, IReadOnlyList<FormChoice> choices, ulong[] cumulative)
    {
        IsEnd = isEnd;
        Choices = choices;
        _cumulative = cumulative;
    }

    /// <summary><c>-> end</c>: the piece ends after the section.</summary>
    public static FormNext End { get; } = new(true, Array.Empty<FormChoice>(), Array.Empty<ulong>());

    /// <summary>A fixed way on, to the section at <paramref name="target"/>.</summary>
    public static FormNext To(int target) => new(false, new[] { new FormChoice(target, 1) }, new[] { 1UL });

    /// <summary>
    /// A weighted choice, the choices in declaration order. Null when the weights, brought to whole numbers
    /// over a common denominator, add up to more than 64 bits can hold (only for absurdly fine decimals).
    /// </summary>
    public static FormNext? Choice(IReadOnlyList<FormChoice> choices)
    {
        if (choices.Count == 0) throw new ArgumentException("A choice needs at least one section.", nameof(choices));
        if (choices.Any(c => c.Weight.Sign <= 0)) throw new ArgumentException("Weights are greater than 0.", nameof(choices));
        var cumulative = WholeCumulativeWeights(choices);
        return cumulative is null ? null : new FormNext(false, choices.ToArray(), cumulative);
    }

    public bool IsEnd { get; }

    /// <summary>The sections that may follow, in declaration order. Empty when <see cref="IsEnd"/>.</summary>
    public IReadOnlyList<FormChoice> Choices { get; }

    /// <summary>
    /// The section chosen by <paramref name="unit"/>, a number in [0, 1): with whole weights w1..wn adding up
    /// to W and k = unit × 2^53 (a whole number below 2^53), r = floor(k × W / 2^53) lies in [0, W), and the
    /// choice is the first i with w1 + ... + wi > r.
    /// Integer arithmetic only, so every machine picks the same section for the same number.
    /// </summary>
    public int Choose(double unit)
    {
        if (IsEnd) throw new InvalidOperationException("The piece ends here; there is nothing to choose.");
        if (!(unit >= 0 && unit < 1)) throw new ArgumentOutOfRangeException(nameof(unit), unit, "Expected a number in [0, 1).");
        if (_cumulative.Length == 1) return Choices[0].Target;
        var whole = (ulong)(unit * UnitScale);
        var total = _cumulative[^1];
        var r = (ulong)(((UInt128)whole * total) >> 53);
        for (var i = 0; i < _cumulative.Length; i++)
            if (_cumulative[i] > r) return Choices[i].Target;
        throw new InvalidOperationException("Unreachable: r is always below the total weight.");
    }

    /// <summary>
    /// Rational weights scaled by the least common multiple of their denominators and divided by the
    /// greatest common divisor of the results: the smallest whole numbers in the same ratios.
    /// </summary>
    private static ulong[]? WholeCumulativeWeights(IReadOnlyList<FormChoice> choices)
    {
        var lcm = BigInteger.One;
        foreach (var c in choices)
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Weight.Denominator) * c.Weight.Denominator;
        var whole = choices.Select(c => c.Weight.Numerator * (lcm / c.Weight.Denominator)).ToArray();
        var gcd = whole.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
        var cumulative = new ulong[whole.Length];
        var sum = BigInteger.Zero;
        for (var i = 0; i < whole.Length; i++)
        {
            sum += whole[i] / gcd;
            if (sum > ulong.MaxValue) return null;
            cumulative[i] = (ulong)sum;
        }
        return cumulative;
    }
}
