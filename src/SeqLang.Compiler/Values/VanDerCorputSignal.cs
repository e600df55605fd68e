using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary><c>vdc [A..B]</c>: the k-th onset of the lane in each bar gets the van der Corput number of k (base 2).</summary>
internal sealed class VanDerCorputSignal : ValueExpression
{
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;

    public VanDerCorputSignal(FixedPoint from, FixedPoint to)
    {
        _from = from;
        _to = to;
    }

    public override FixedPoint At(in ValueContext context) => FixedPoint.Lerp(_from, _to, SignalShapes.VanDerCorput(context.OnsetIndex));

    public override Rational? Period => Rational.One;
    public override FixedPoint Min => _from <= _to ? _from : _to;
    public override FixedPoint Max => _from <= _to ? _to : _from;
}
