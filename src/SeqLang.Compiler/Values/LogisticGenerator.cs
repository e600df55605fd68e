using SeqLang.Core.Numbers;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>logistic R [A..B]</c>: the logistic map x ← R·x·(1−x) from x = 1/2, one step per onset (the first onset plays the
/// first step), mapped onto A..B. In fixed point, so the chaos of R near 4 is the same on every machine.
/// </summary>
internal sealed class LogisticGenerator : ValueGenerator
{
    private readonly FixedPoint _rate;
    private readonly FixedPoint _from;
    private readonly FixedPoint _to;

    public LogisticGenerator(FixedPoint rate, FixedPoint from, FixedPoint to)
    {
        _rate = rate;
        _from = from;
        _to = to;
    }

    public override object Initial => FixedPoint.Half;

    public override (FixedPoint Value, object Next) Step(object state, in ValueContext context)
    {
        var x = (FixedPoint)state;
        var next = FixedPoint.Clamp(_rate * x * (FixedPoint.One - x), FixedPoint.Zero, FixedPoint.One);
        return (FixedPoint.Lerp(_from, _to, next), next);
    }

    public override FixedPoint Min => _from <= _to ? _from : _to;
    public override FixedPoint Max => _from <= _to ? _to : _from;
}
