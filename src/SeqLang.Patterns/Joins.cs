using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// A pattern whose argument is itself a pattern (<c>a*&lt;2 3&gt;</c>): Strudel's patternified
/// functions, <c>args.fmap(f).innerJoin()</c>. For each event of the argument pattern, the pattern
/// built from its value is queried over that event's part, keeping its own wholes, so the inner
/// pattern is not restarted at each argument event. Built patterns are cached per argument value.
/// </summary>
internal sealed class InnerJoinPattern<TArg, T> : Pattern<T> where TArg : notnull
{
    private readonly Pattern<TArg> _arguments;
    private readonly Func<TArg, Pattern<T>> _build;
    // A plain dictionary under a lock: far cheaper to create than a concurrent one, and a file compiles
    // thousands of these; lookups are short.
    private readonly Dictionary<TArg, Pattern<T>> _cache = new();

    public InnerJoinPattern(Pattern<TArg> arguments, Func<TArg, Pattern<T>> build)
    {
        _arguments = arguments;
        _build = build;
        // A constant argument (a pattern with one value per cycle) keeps the built pattern's period, cycle-aligned.
        if (arguments is PurePattern<TArg> pure)
            Period = Periods.Whole(Built(pure.Value).Period);
    }

    public override Rational? Period { get; }

    private Pattern<T> Built(TArg value)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(value, out var pattern)) _cache[value] = pattern = _build(value);
            return pattern;
        }
    }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var outer = ListPool<Hap<TArg>>.Rent();
        try
        {
            _arguments.QueryInto(arc, context, outer);
            foreach (var hap in outer)
            {
                Built(hap.Value).QueryInto(hap.Part, context, output);
            }
        }
        finally
        {
            ListPool<Hap<TArg>>.Return(outer);
        }
    }
}

/// <summary>
/// Combines two patterns keeping the left one's structure (Strudel's <c>appLeft</c>): for each left
/// event, the right pattern is queried over the left event's whole and each meeting right value is
/// combined with it; parts are intersected. Mini-notation <c>bd:3</c> and euclid arguments use it.
/// </summary>
internal sealed class AppLeftPattern<TA, TB, TR> : Pattern<TR>
{
    private readonly Pattern<TA> _left;
    private readonly Pattern<TB> _right;
    private readonly Func<TA, TB, TR> _combine;

    public AppLeftPattern(Pattern<TA> left, Pattern<TB> right, Func<TA, TB, TR> combine)
    {
        _left = left;
        _right = right;
        _combine = combine;
        Period = Periods.Lcm(left.Period, right.Period);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<TR>> output)
    {
        var lefts = ListPool<Hap<TA>>.Rent();
        var rights = ListPool<Hap<TB>>.Rent();
        try
        {
            _left.QueryInto(arc, context, lefts);
            foreach (var left in lefts)
            {
                rights.Clear();
                _right.QueryInto(left.WholeOrPart, context, rights);
                foreach (var right in rights)
                {
                    if (Time.Intersect(left.Part, right.Part) is { } part)
                        output.Add(new Hap<TR>(left.Whole, part, _combine(left.Value, right.Value)));
                }
            }
        }
        finally
        {
            ListPool<Hap<TA>>.Return(lefts);
            ListPool<Hap<TB>>.Return(rights);
        }
    }
}
