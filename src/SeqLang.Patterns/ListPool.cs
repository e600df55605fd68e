namespace SeqLang.Patterns;

/// <summary>
/// Per-thread spare lists for combinators that need a scratch list (joins, structure queries).
/// Without it every such query allocates and the renderer's 10,000-bar runs spend their time in the GC.
/// </summary>
internal static class ListPool<T>
{
    [ThreadStatic] private static Stack<List<T>>? s_pool;

    public static List<T> Rent()
    {
        var pool = s_pool;
        return pool is { Count: > 0 } ? pool.Pop() : new List<T>();
    }

    public static void Return(List<T> list)
    {
        list.Clear();
        if (list.Capacity > 65_536) return; // keep no giant buffers alive after a huge query
        (s_pool ??= new Stack<List<T>>()).Push(list);
    }
}
