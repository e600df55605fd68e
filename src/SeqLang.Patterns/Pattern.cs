using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// A pattern in Strudel's sense: a pure function from an arc of time to the haps that meet it.
/// Nothing is stored between queries, so a bar's events never depend on what was queried before.
/// Combinators are small sealed subclasses holding their constants; queries append to a list the
/// caller passes in, so a query allocates almost nothing (the renderer queries every lane of every bar).
/// </summary>
public abstract partial class Pattern<T>
{
    /// <summary>
    /// Appends to <paramref name="output"/> every hap of this pattern whose part lies in <paramref name="arc"/>
    /// (a zero-width arc samples the events around one point). Implementations must only append.
    /// </summary>
    public abstract void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output);

    /// <summary>
    /// A span after which the pattern repeats (shifting a query by it shifts the answer by it), or null when
    /// unknown or random. Used to cache whole cycles (<see cref="Cached"/>); custom patterns may leave it null.
    /// </summary>
    public virtual Rational? Period => null;

    /// <summary>The haps meeting <paramref name="arc"/>, with no work limit.</summary>
    public List<Hap<T>> Query(Arc arc)
    {
        var list = new List<Hap<T>>();
        QueryInto(arc, QueryContext.Unbounded, list);
        return list;
    }

    /// <summary>The haps of cycle <paramref name="cycle"/>, with no work limit.</summary>
    public List<Hap<T>> QueryCycle(long cycle) => Query(new Arc(cycle, cycle + 1));

    /// <summary>
    /// Queries under limits and never throws for the pattern's sake: on failure nothing is appended
    /// and the result says why (too many events, too much work, overflow, a bad argument).
    /// Only haps with their onset count towards <see cref="QueryLimits.MaxEvents"/>.
    /// </summary>
    public QueryResult TryQuery(Arc arc, List<Hap<T>> output, QueryLimits limits)
    {
        var start = output.Count;
        var context = new QueryContext(limits.MaxWork);
        try
        {
            QueryInto(arc, context, output);
        }
        catch (PatternBudgetExceededException)
        {
            output.RemoveRange(start, output.Count - start);
            return context.LeafEvents > limits.MaxEvents
                ? new QueryResult(QueryStatus.TooManyEvents)
                : new QueryResult(QueryStatus.TooMuchWork);
        }
        catch (OverflowException)
        {
            output.RemoveRange(start, output.Count - start);
            return new QueryResult(QueryStatus.Overflow);
        }
        catch (PatternQueryException e)
        {
            output.RemoveRange(start, output.Count - start);
            return new QueryResult(QueryStatus.InvalidArgument, e.Message);
        }
        var onsets = 0;
        for (var i = start; i < output.Count; i++)
        {
            if (output[i].HasOnset) onsets++;
        }
        if (onsets > limits.MaxEvents)
        {
            output.RemoveRange(start, output.Count - start);
            return new QueryResult(QueryStatus.TooManyEvents);
        }
        return QueryResult.Ok;
    }

    /// <summary>
    /// The value in force at <paramref name="time"/> (e.g. a <c>vel "90 60"</c> pattern sampled at a
    /// note's onset): the first hap met by a zero-width query there. At a boundary the later event wins.
    /// </summary>
    public virtual bool TrySampleAt(Rational time, out T value)
    {
        var list = ListPool<Hap<T>>.Rent();
        try
        {
            QueryInto(new Arc(time, time), QueryContext.Unbounded, list);
            foreach (var hap in list)
            {
                if (hap.WholeOrPart.Begin <= time)
                {
                    value = hap.Value;
                    return true;
                }
            }
            value = default!;
            return false;
        }
        finally
        {
            ListPool<Hap<T>>.Return(list);
        }
    }
}
