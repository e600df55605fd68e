using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Values;

/// <summary><c>A * B * ...</c>: "prob saw * 0.5".</summary>
internal sealed class ProductValue : ValueExpression
{
    private readonly ValueExpression[] _factors;

    public ProductValue(ValueExpression[] factors)
    {
        _factors = factors;
        Rational? period = Rational.One;
        var (min, max) = (FixedPoint.One, FixedPoint.One);
        foreach (var factor in factors)
        {
            period = Periods.Lcm(period, factor.Period);
            // Interval product: the bounds are among the products of the ends.
            var ends = new[] { min * factor.Min, min * factor.Max, max * factor.Min, max * factor.Max };
            (min, max) = (ends.Min(), ends.Max());
        }
        Period = period;
        Min = min;
        Max = max;
    }

    public override FixedPoint At(in ValueContext context)
    {
        var value = _factors[0].At(context);
        for (var i = 1; i < _factors.Length; i++) value *= _factors[i].At(context);
        return value;
    }

    public override Rational? Period { get; }
    public override FixedPoint Min { get; }
    public override FixedPoint Max { get; }
    public override bool IsConstant => _factors.All(f => f.IsConstant);
}
