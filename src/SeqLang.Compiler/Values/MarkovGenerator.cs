using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>markov NAME</c>: the chain's walk, starting at the first state written, one transition per onset after the first,
/// chosen by the weights with the onset's dice. Its value is the state's number in the chain (0 for the first written),
/// which <c>n</c> reads as that state's atom.
/// </summary>
internal sealed class MarkovGenerator : ValueGenerator
{
    private readonly ulong _salt;
    private readonly Way[][] _ways;
    private readonly object[] _boxed;

    public MarkovGenerator(MarkovChain chain, ulong salt)
    {
        Chain = chain;
        _salt = salt;
        _ways = Array.ConvertAll(chain.Transitions, Ways);
        // States are small numbers: one box each, so that a step allocates nothing.
        _boxed = new object[chain.States.Length];
        for (var i = 0; i < _boxed.Length; i++) _boxed[i] = i;
    }

    public MarkovChain Chain { get; }

    public override object Initial => Unstarted;

    private static readonly object Unstarted = -1;

    public override (FixedPoint Value, object Next) Step(object state, in ValueContext context)
    {
        var current = (int)state;
        var next = current < 0 ? 0 : Choose(_ways[current], context.Stream, context.DrawTime);
        return (FixedPoint.FromInteger(next), _boxed[next]);
    }

    /// <summary>
    /// The draw r (a 32-bit fraction) picks the first way whose running sum exceeds r·total. With the weights over a
    /// common denominator that is r·T &lt; S·2^32 in whole numbers: the same choice as in rationals, without dividing.
    /// </summary>
    private int Choose(Way[] ways, ulong stream, Rational time)
    {
        var draw = (Int128)SignalShapes.Random(stream, _salt, time).Raw;
        var point = draw * ways[^1].Sum;
        foreach (var w in ways)
        {
            if (point < w.Sum << FixedPoint.FractionBits) return w.To;
        }
        return ways[^1].To;
    }

    /// <summary>A way out and the running sum of the weights up to it, over the state's common denominator.</summary>
    private readonly record struct Way(int To, Int128 Sum);

    /// <remarks>
    /// Weights are decimals of at most 1000 (the binder's rule), so their denominators divide 10^18 and so does their
    /// least common multiple: a sum is below 10^21 per way, far inside Int128 even shifted by 32 bits.
    /// </remarks>
    private static Way[] Ways((int To, Rational Weight)[] ways)
    {
        Int128 denominator = 1;
        foreach (var w in ways) denominator = denominator / Int128Gcd(denominator, w.Weight.Denominator) * w.Weight.Denominator;
        Int128 sum = 0;
        var result = new Way[ways.Length];
        for (var i = 0; i < ways.Length; i++)
        {
            sum += ways[i].Weight.Numerator * (denominator / ways[i].Weight.Denominator);
            result[i] = new Way(ways[i].To, sum);
        }
        return result;
    }

    private static Int128 Int128Gcd(Int128 a, Int128 b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return Int128.Abs(a);
    }

    public override FixedPoint Min => FixedPoint.Zero;
    public override FixedPoint Max => FixedPoint.FromInteger(Chain.States.Length - 1);
}
