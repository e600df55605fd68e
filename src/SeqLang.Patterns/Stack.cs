using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>All children at once (mini-notation <c>,</c>).</summary>
internal sealed class StackPattern<T> : Pattern<T>
{
    private readonly Pattern<T>[] _children;

    private readonly Rational? _period;

    public StackPattern(Pattern<T>[] children)
    {
        _children = children;
        Rational? period = Rational.One;
        foreach (var child in children) period = Periods.Lcm(period, child.Period);
        _period = period;
    }

    public override Rational? Period => _period;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        foreach (var child in _children) child.QueryInto(arc, context, output);
    }
}
