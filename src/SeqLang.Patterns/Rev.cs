using SeqLang.Core.Time;

namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>Reverses each cycle (Strudel's <c>rev</c>): an event at [b, e) in a cycle moves to [1-e, 1-b) of that cycle.</summary>
    public static Pattern<T> Rev<T>(this Pattern<T> pattern) => new Pattern<T>((arc, output) =>
    {
        var cycle = arc.Begin.Sam();
        var next = cycle + 1;
        Arc Reflect(Arc a) => new(cycle + (next - a.End), cycle + (next - a.Begin));
        var start = output.Count;
        pattern.Query(Reflect(arc), output);
        for (var i = start; i < output.Count; i++) output[i] = output[i].WithSpan(Reflect);
    }).SplitQueries();
}
