using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Strudel's <c>chunk</c>: cycle c is cut into N parts and part (c mod N) plays the transformed pattern, the
/// rest the source; the events of each side are clipped to their parts (their wholes kept, so an event cut at a
/// part's start has no onset there and does not sound twice). The caller makes the source repeat each cycle N
/// times first, as Strudel 1.2 does, so that the transformed part walks through one cycle of music.
/// </summary>
internal sealed class ChunkPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Pattern<T> _transformed;
    private readonly long _parts;

    public ChunkPattern(Pattern<T> source, Pattern<T> transformed, long parts)
    {
        _source = source;
        _transformed = transformed;
        _parts = parts;
        Period = Periods.Lcm(Periods.Lcm(Periods.Whole(source.Period), Periods.Whole(transformed.Period)), parts);
    }

    public override Rational? Period { get; }

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output)
    {
        var part = Time.Mod(cycle, _parts);
        var chunk = new Arc(cycle + new Rational(part, _parts), cycle + new Rational(part + 1, _parts));
        if (piece.Begin == piece.End)
        {
            // A point lies in one part only.
            (piece.Begin >= chunk.Begin && piece.Begin < chunk.End ? _transformed : _source).QueryInto(piece, context, output);
            return;
        }
        // Before the chunk, the chunk, after it: each side queried on its own piece only.
        Query(_source, piece.Begin, Time.Min(piece.End, chunk.Begin), context, output);
        Query(_transformed, Time.Max(piece.Begin, chunk.Begin), Time.Min(piece.End, chunk.End), context, output);
        Query(_source, Time.Max(piece.Begin, chunk.End), piece.End, context, output);
    }

    private static void Query(Pattern<T> pattern, Rational begin, Rational end, QueryContext context, List<Hap<T>> output)
    {
        if (begin < end) pattern.QueryInto(new Arc(begin, end), context, output);
    }
}
