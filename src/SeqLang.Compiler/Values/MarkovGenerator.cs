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

    public MarkovGenerator(MarkovChain chain, ulong salt)
    {
        Chain = chain;
        _salt = salt;
    }

    public MarkovChain Chain { get; }

    public override object Initial => -1;

    public override (FixedPoint Value, object Next) Step(object state, ulong stream, Rational time)
    {
        var current = (int)state;
        var next = current < 0 ? 0 : Choose(Chain.Transitions[current], stream, time);
        return (FixedPoint.FromInteger(next), next);
    }

    private int Choose((int To, Rational Weight)[] ways, ulong stream, Rational time)
    {
        var total = Rational.Zero;
        foreach (var w in ways) total += w.Weight;
        // The draw scaled to the total, compared exactly: r·total < running sum.
        var draw = SignalShapes.Random(stream, _salt, time);
        var point = new Rational(draw.Raw, 1L << FixedPoint.FractionBits) * total;
        var sum = Rational.Zero;
        foreach (var w in ways)
        {
            sum += w.Weight;
            if (point < sum) return w.To;
        }
        return ways[^1].To;
    }

    public override FixedPoint Min => FixedPoint.Zero;
    public override FixedPoint Max => FixedPoint.FromInteger(Chain.States.Length - 1);
}
