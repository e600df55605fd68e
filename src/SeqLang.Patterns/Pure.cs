using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>One value per cycle, its whole the cycle (Strudel's <c>pure</c>).</summary>
internal sealed class PurePattern<T> : Pattern<T>
{
    private readonly T _value;

    public PurePattern(T value) => _value = value;

    public override Rational? Period => Rational.One;

    public T Value => _value;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var begin = arc.Begin;
        var end = arc.End;
        if (begin > end) return;
        if (begin == end)
        {
            var c = begin.Floor();
            context.TickLeaf();
            output.Add(new Hap<T>(new Arc(c, c + 1), arc, _value));
            return;
        }
        while (begin < end)
        {
            context.TickLeaf();
            var cycle = begin.Floor();
            var next = Rational.FromInteger(cycle + 1);
            var pieceEnd = next < end ? next : end;
            output.Add(new Hap<T>(new Arc(cycle, next), new Arc(begin, pieceEnd), _value));
            begin = pieceEnd;
        }
    }
}
