namespace SeqLang.Midi;

/// <summary>A strict "comes before" for <typeparamref name="T"/>, as a struct so that calls are direct and inlined.</summary>
internal interface IBefore<T>
{
    bool Before(in T a, in T b);
}

/// <summary>
/// Sorts input that is already nearly in order, as a track's events are: the renderer adds them bar by
/// bar, each bar lane by lane, each lane in time order, so an event only ever moves back past the few
/// events of its own bar. Insertion sort does that in one pass for the cost of those few moves. Input
/// that is far from sorted (a caller adding events backwards) would make it quadratic, so after a
/// budget of moves it stops and hands the rest to <see cref="Array.Sort{T}(T[], int, int, IComparer{T})"/>.
/// </summary>
internal static class NearlySorted
{
    /// <summary>Moves allowed per element before giving up on insertion sort: about what a full sort costs.</summary>
    private const int MovesPerElement = 32;

    /// <summary>
    /// Sorts <paramref name="items"/>[0..<paramref name="count"/>), of which [0..<paramref name="sortedPrefix"/>)
    /// is already sorted. Not stable when it falls back to the full sort: callers' orders must be total, or
    /// equal elements interchangeable.
    /// </summary>
    public static void Sort<T, TBefore>(T[] items, int sortedPrefix, int count, TBefore order)
        where TBefore : struct, IBefore<T>
    {
        var budget = (long)MovesPerElement * (count - sortedPrefix) + 1024;
        for (var i = Math.Max(sortedPrefix, 1); i < count; i++)
        {
            if (!order.Before(items[i], items[i - 1])) continue;
            var item = items[i];
            var j = i - 1;
            do
            {
                items[j + 1] = items[j];
                j--;
            }
            while (j >= 0 && order.Before(item, items[j]) && --budget > 0);
            items[j + 1] = item;
            if (budget <= 0)
            {
                Array.Sort(items, 0, count, new Comparer<T, TBefore>(order));
                return;
            }
        }
    }

    private sealed class Comparer<T, TBefore>(TBefore order) : IComparer<T>
        where TBefore : struct, IBefore<T>
    {
        public int Compare(T? x, T? y) => order.Before(x!, y!) ? -1 : order.Before(y!, x!) ? 1 : 0;
    }
}
