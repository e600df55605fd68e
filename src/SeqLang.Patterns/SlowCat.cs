using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// One child per cycle, in turn (Strudel's <c>slowcat</c>). Each child is shifted so that it plays its
/// own next cycle rather than the global one: with three children, cycle 3 plays the first child's
/// cycle 1, not its cycle 3.
/// </summary>
internal sealed class SlowCatPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T>[] _children;

    private readonly Rational? _period;

    public SlowCatPattern(Pattern<T>[] children)
    {
        _children = children;
        Rational? period = Rational.One;
        foreach (var child in children) period = Periods.Lcm(period, Periods.Whole(child.Period));
        _period = Periods.Times(period, children.Length);
    }

    public override Rational? Period => _period;

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output)
    {
        var n = _children.Length;
        var child = _children[Time.Mod(cycle, n)];
        // offset = floor(begin) - floor(begin / n): the child sees its own cycle number.
        var offset = cycle - FloorDiv(cycle, n);
        if (offset == 0)
        {
            child.QueryInto(piece, context, output);
            return;
        }
        var start = output.Count;
        Rational by = offset;
        child.QueryInto(Time.Shift(piece, -by), context, output);
        for (var i = start; i < output.Count; i++) output[i] = Time.ShiftHap(output[i], by);
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }
}
