namespace SeqLang.Patterns;

/// <summary>
/// Carries a work budget through one query. Every cycle a combinator visits and every event it
/// makes costs one unit, so <c>"a*100000000"</c> or <c>"[~ ~]*100000000"</c> stop after the budget
/// instead of hanging or filling memory (SPEC §10). The budget is spent, never reset, so a context
/// belongs to one query.
/// </summary>
public sealed class QueryContext
{
    private long _remaining;
    private readonly long _budget;

    /// <summary>A context for callers who trust the pattern: the budget never runs out in practice.</summary>
    public static QueryContext Unbounded => new(long.MaxValue);

    public QueryContext(long workBudget)
    {
        _budget = workBudget;
        _remaining = workBudget;
    }

    /// <summary>Events made by leaves (pure values), to tell "too many events" from "too much work".</summary>
    public long LeafEvents { get; private set; }

    /// <summary>Work units spent so far.</summary>
    public long WorkDone => _budget - _remaining;

    /// <summary>Spends one unit of work.</summary>
    public void Tick()
    {
        if (--_remaining < 0) Exhausted();
    }

    /// <summary>Spends one unit for an event made by a leaf.</summary>
    public void TickLeaf()
    {
        LeafEvents++;
        if (--_remaining < 0) Exhausted();
    }

    private static void Exhausted() => throw new PatternBudgetExceededException();
}

/// <summary>Thrown inside a query when its work budget is spent; caught by <see cref="Pattern{T}.TryQuery"/>.</summary>
public sealed class PatternBudgetExceededException : Exception
{
    public PatternBudgetExceededException() : base("The pattern needs too much work to compute this span.") { }
}

/// <summary>
/// Thrown inside a query for an argument no pattern can use (euclid with more pulses than steps,
/// a non-number as a speed). Strudel throws there too and its query yields nothing.
/// </summary>
public sealed class PatternQueryException : Exception
{
    public PatternQueryException(string message) : base(message) { }
}
