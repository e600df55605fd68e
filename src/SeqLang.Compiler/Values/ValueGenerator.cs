using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>
/// A value generator (SPEC §15: <c>walk</c>, <c>logistic</c>, <c>markov</c>, <c>turing</c>): its state moves one transition per onset
/// of the lane, carried across bar lines, so it is not a function of time alone. The event stream walks it from bar 0
/// (<c>GeneratorWalk</c>); its dice are a function of the lane's stream, its salt and the onset's time.
/// </summary>
internal abstract class ValueGenerator : ValueExpression
{
    /// <summary>The state before the lane's first onset.</summary>
    public abstract object Initial { get; }

    /// <summary>
    /// The value at an onset, given the state before it, and the state after it. Its dice draw from the lane's stream at
    /// <see cref="ValueContext.DrawTime"/>; melody also reads the chord in force.
    /// </summary>
    public abstract (FixedPoint Value, object Next) Step(object state, in ValueContext context);

    // A generator is read only through Step: reading it as a function of time is a bug.
    public override FixedPoint At(in ValueContext context) => throw new InvalidOperationException("A value generator is stepped by the event stream, not read at a time.");

    public override Rational? Period => null;
}
