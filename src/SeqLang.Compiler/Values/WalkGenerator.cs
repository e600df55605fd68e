using SeqLang.Core.Numbers;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>walk A..B [step S]</c>: a random walk of whole numbers in A..B moving by at most S (default 1) at each onset
/// after the first, which plays the middle of the range (rounded down); a move past an end stops at it.
/// </summary>
internal sealed class WalkGenerator : ValueGenerator
{
    private readonly long _low;
    private readonly long _high;
    private readonly long _step;
    private readonly ulong _salt;
    private readonly object[]? _boxed;

    public WalkGenerator(long low, long high, long step, ulong salt)
    {
        _low = low;
        _high = high;
        _step = step;
        _salt = salt;
        // A range of a few thousand values (any range of notes or degrees) gets one box per value, so that a step
        // allocates nothing; a wider one boxes as it goes.
        if (high - low is >= 0 and < 4096)
        {
            _boxed = new object[high - low + 1];
            for (var v = low; v <= high; v++) _boxed[v - low] = v;
        }
    }

    public override object Initial => Unstarted;

    private static readonly object Unstarted = new();

    public override (FixedPoint Value, object Next) Step(object state, in ValueContext context)
    {
        long value;
        if (ReferenceEquals(state, Unstarted)) value = _low + (_high - _low) / 2;
        else
        {
            // A whole number of 2S+1 equally likely moves, from the draw's 32 bits: integers only.
            var draw = SignalShapes.Random(context.Stream, _salt, context.DrawTime);
            var move = (long)(((ulong)draw.Raw * (ulong)(2 * _step + 1)) >> FixedPoint.FractionBits) - _step;
            value = Math.Clamp((long)state + move, _low, _high);
        }
        return (FixedPoint.FromInteger(value), _boxed is { } boxed ? boxed[value - _low] : value);
    }

    public override FixedPoint Min => FixedPoint.FromInteger(_low);
    public override FixedPoint Max => FixedPoint.FromInteger(_high);
}
