using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>A number.</summary>
internal sealed class ConstantValue : ValueExpression
{
    private readonly FixedPoint _value;

    public ConstantValue(FixedPoint value) => _value = value;

    public override FixedPoint At(in ValueContext context) => _value;
    public override Rational? Period => Rational.One;
    public override FixedPoint Min => _value;
    public override FixedPoint Max => _value;
    public override bool IsConstant => true;
}
