using SeqLang.Core.Time;

namespace SeqLang.Patterns;

public static partial class Pattern
{
    /// <summary>Nothing, ever.</summary>
    public static Pattern<T> Silence<T>() => new((_, _) => { });

    /// <summary>One event per cycle, filling it: the atom of every sequence.</summary>
    public static Pattern<T> Pure<T>(T value) => new((arc, output) =>
    {
        if (arc.Begin == arc.End)
        {
            var sam = arc.Begin.Sam();
            output.Add(new Hap<T>(new Arc(sam, sam + 1), arc, value));
            return;
        }
        var begin = arc.Begin;
        while (begin < arc.End)
        {
            var cycle = begin.Sam();
            var next = cycle + 1;
            var end = Rational.Min(next, arc.End);
            output.Add(new Hap<T>(new Arc(cycle, next), new Arc(begin, end), value));
            begin = end;
        }
    });
}
