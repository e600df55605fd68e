namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>
    /// Applies <paramref name="transform"/> in cycles where cycle mod <paramref name="period"/> = 0, the pattern
    /// as it is in the others (Strudel's <c>firstOf</c>/<c>every</c>; also for negative cycles).
    /// </summary>
    public static Pattern<T> Every<T>(this Pattern<T> pattern, long period, Func<Pattern<T>, Pattern<T>> transform)
    {
        if (period <= 1) return period == 1 ? transform(pattern) : pattern;
        var transformed = transform(pattern);
        return new Pattern<T>((arc, output) =>
        {
            var cycle = arc.Begin.Floor();
            var chosen = ((cycle % period) + period) % period == 0 ? transformed : pattern;
            chosen.Query(arc, output);
        }).SplitQueries();
    }
}
