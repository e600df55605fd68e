using SeqLang.Core.Numbers;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>turing "MINI" drift P</c> (SPEC §15), a "Turing machine" sequencer: a loop of the string's values, one a onset,
/// cycling through the loop across bar lines. The first pass plays the loop as written; on every later pass each
/// position, when it is reached, is first replaced with chance P by another of the loop's distinct values (each other
/// value equally likely; a loop of one value never changes), and the replacement stays until it is replaced again. So
/// P = 0 is a fixed loop, P = 1 changes every position on every pass, and small P lets a phrase drift slowly. Its dice
/// are the lane's stream, its salt and the onset's time, compared as integers.
/// </summary>
internal sealed class TuringGenerator : ValueGenerator
{
    private readonly int[] _loop;
    private readonly FixedPoint[] _values;
    private readonly long _threshold;
    private readonly ulong _salt;
    private readonly ulong _choiceSalt;

    /// <param name="loop">Each position's value, as an index into <paramref name="values"/>.</param>
    /// <param name="values">The loop's distinct values, in the order first written.</param>
    /// <param name="drift">P, 0..1.</param>
    /// <param name="salt">Tells this generator's dice apart from the lane's other random choices.</param>
    /// <param name="states">The distinct values as written, when the lane reads them as atoms (<c>n</c>); null for numbers.</param>
    public TuringGenerator(int[] loop, FixedPoint[] values, Rational drift, ulong salt, (string Text, SourceSpan Span)[]? states = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loop.Length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(drift, Rational.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drift, Rational.One);
        _loop = loop;
        _values = values;
        // A draw d (32 bits) replaces when d / 2^32 < P, that is d < ⌈P · 2^32⌉: integers decide it.
        _threshold = (drift * (1L << FixedPoint.FractionBits)).Ceiling();
        _salt = salt;
        _choiceSalt = SeededRandom.Mix(salt);
        States = states;
    }

    /// <summary>The distinct values as written (where first), for <c>n</c>: a value is then the index of its atom here.</summary>
    public (string Text, SourceSpan Span)[]? States { get; }

    public override object Initial => new State(_loop, 0);

    public override (FixedPoint Value, object Next) Step(object state, in ValueContext context)
    {
        var (loop, onset) = (State)state;
        var position = (int)(onset % loop.Length);
        if (onset >= loop.Length && _values.Length > 1 && SignalShapes.Random(context.Stream, _salt, context.DrawTime).Raw < _threshold)
        {
            // One of the other distinct values, each equally likely: a whole number of choices from the draw's 32 bits.
            var draw = SignalShapes.Random(context.Stream, _choiceSalt, context.DrawTime);
            var choice = (int)(((ulong)draw.Raw * (ulong)(_values.Length - 1)) >> FixedPoint.FractionBits);
            if (choice >= loop[position]) choice++;
            // States are shared by the checkpoints of the event stream: a changed loop is a new array.
            loop = (int[])loop.Clone();
            loop[position] = choice;
        }
        var value = States is null ? _values[loop[position]] : FixedPoint.FromInteger(loop[position]);
        return (value, new State(loop, onset + 1));
    }

    public override FixedPoint Min => States is null ? _values.Min() : FixedPoint.Zero;
    public override FixedPoint Max => States is null ? _values.Max() : FixedPoint.FromInteger(_values.Length - 1);

    private sealed record State(int[] Loop, long Onset);
}
