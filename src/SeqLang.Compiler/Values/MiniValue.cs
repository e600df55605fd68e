using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Values;

/// <summary>A mini string of numbers, read as a function of time: the atom sounding at the moment asked (0 where it rests).</summary>
internal sealed class MiniValue : ValueExpression
{
    public MiniValue(Pattern<FixedPoint> pattern, FixedPoint min, FixedPoint max)
    {
        Pattern = pattern;
        Min = min;
        Max = max;
    }

    public Pattern<FixedPoint> Pattern { get; }

    public override FixedPoint At(in ValueContext context) => Pattern.TrySampleAt(context.Time, out var value) ? value : FixedPoint.Zero;
    public override Rational? Period => Pattern.Period;
    public override FixedPoint Min { get; }
    public override FixedPoint Max { get; }
}
