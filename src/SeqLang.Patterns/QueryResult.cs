namespace SeqLang.Patterns;

/// <summary>How a bounded query ended.</summary>
public enum QueryStatus
{
    Ok,
    /// <summary>More events than <see cref="QueryLimits.MaxEvents"/>.</summary>
    TooManyEvents,
    /// <summary>The work budget ran out without many events (e.g. <c>"[~ ~]*100000000"</c>).</summary>
    TooMuchWork,
    /// <summary>A time or factor outgrew the 64-bit fractions.</summary>
    Overflow,
    /// <summary>An argument no combinator can use; <see cref="QueryResult.Message"/> says which.</summary>
    InvalidArgument,
}

/// <summary>Limits of one bounded query: events with an onset in the arc, and work units (see <see cref="QueryContext"/>).</summary>
public readonly record struct QueryLimits(int MaxEvents, long MaxWork)
{
    /// <summary>SPEC §10: at most 10,000 events in one lane's cycle.</summary>
    public static readonly QueryLimits Default = new(10_000, 2_000_000);
}

/// <summary>The outcome of <see cref="Pattern{T}.TryQuery"/>.</summary>
public readonly record struct QueryResult(QueryStatus Status, string? Message = null)
{
    public bool IsOk => Status == QueryStatus.Ok;
    public static readonly QueryResult Ok = new(QueryStatus.Ok);
}
