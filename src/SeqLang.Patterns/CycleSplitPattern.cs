using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Base of combinators that work one cycle at a time (Strudel's <c>splitQueries</c>): the query is cut
/// at whole cycles and each piece handled with its cycle number. A zero-width query is one piece.
/// </summary>
public abstract class CycleSplitPattern<T> : Pattern<T>
{
    public sealed override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var begin = arc.Begin;
        var end = arc.End;
        if (begin > end) return;
        if (begin == end)
        {
            QueryPiece(arc, begin.Floor(), context, output);
            return;
        }
        while (begin < end)
        {
            context.Tick();
            var cycle = begin.Floor();
            var next = Rational.FromInteger(cycle + 1);
            var pieceEnd = next < end ? next : end;
            QueryPiece(new Arc(begin, pieceEnd), cycle, context, output);
            begin = pieceEnd;
        }
    }

    /// <summary>Appends the haps of <paramref name="piece"/>, which lies within cycle <paramref name="cycle"/>.</summary>
    protected abstract void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output);
}
