namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>Maps every value (Strudel's <c>fmap</c>); time is untouched.</summary>
    public static Pattern<TResult> Select<T, TResult>(this Pattern<T> pattern, Func<T, TResult> map)
    {
        var buffer = new ThreadLocal<List<Hap<T>>>(() => new List<Hap<T>>());
        return new Pattern<TResult>((arc, output) =>
        {
            var haps = buffer.Value!;
            haps.Clear();
            pattern.Query(arc, haps);
            foreach (var hap in haps) output.Add(hap.WithValue(map(hap.Value)));
            haps.Clear();
        });
    }

    /// <summary>Maps every hap to any number of values at the same time (a chord atom becomes its tones).</summary>
    public static Pattern<TResult> SelectMany<T, TResult>(this Pattern<T> pattern, Action<Hap<T>, List<Hap<TResult>>> expand)
    {
        var buffer = new ThreadLocal<List<Hap<T>>>(() => new List<Hap<T>>());
        return new Pattern<TResult>((arc, output) =>
        {
            var haps = buffer.Value!;
            var start = haps.Count;
            pattern.Query(arc, haps);
            for (var i = start; i < haps.Count; i++) expand(haps[i], output);
            haps.RemoveRange(start, haps.Count - start);
        });
    }

    /// <summary>Keeps the haps that satisfy <paramref name="keep"/>.</summary>
    public static Pattern<T> Where<T>(this Pattern<T> pattern, Func<Hap<T>, bool> keep) => new((arc, output) =>
    {
        var start = output.Count;
        pattern.Query(arc, output);
        var write = start;
        for (var read = start; read < output.Count; read++)
        {
            if (keep(output[read])) output[write++] = output[read];
        }
        output.RemoveRange(write, output.Count - write);
    });
}
