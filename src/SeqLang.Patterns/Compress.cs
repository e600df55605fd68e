using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Squeezes each cycle of a pattern into [Begin, End) of the cycle, leaving a gap (Strudel's
/// <c>compress</c> = <c>fastGap(1/(e-b)).late(b)</c>). This is how weighted sequences (<c>a@3 b</c>) place
/// their steps. Wholes that reach past the squeezed part keep their length scaled, exactly as Strudel's
/// <c>fastGap</c> does, so fragments of long events keep a consistent whole.
/// </summary>
internal sealed class CompressPattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Rational _begin;
    private readonly Rational _factor;   // 1 / (end - begin)
    private readonly Rational _inverse;  // end - begin

    public CompressPattern(Pattern<T> source, Rational begin, Rational end)
    {
        _source = source;
        _begin = begin;
        _inverse = end - begin;
        _factor = Rational.One / _inverse;
        Period = Periods.Whole(source.Period);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        // late(b): the query moves earlier by b, the haps later by b.
        var begin = arc.Begin - _begin;
        var end = arc.End - _begin;
        if (begin > end) return;
        if (begin == end)
        {
            QueryCycle(new Arc(begin, end), begin.Floor(), context, output);
            return;
        }
        while (begin < end)
        {
            context.Tick();
            var cycle = begin.Floor();
            var next = Rational.FromInteger(cycle + 1);
            var pieceEnd = next < end ? next : end;
            QueryCycle(new Arc(begin, pieceEnd), cycle, context, output);
            begin = pieceEnd;
        }
    }

    private void QueryCycle(Arc span, long cycleNumber, QueryContext context, List<Hap<T>> output)
    {
        Rational cycle = cycleNumber;
        var bpos = Time.Min((span.Begin - cycle) * _factor, Rational.One);
        var epos = Time.Min((span.End - cycle) * _factor, Rational.One);
        // A query starting at or after the squeezed part (e.g. the zero-width start of the gap) meets nothing.
        if (bpos >= Rational.One) return;
        var start = output.Count;
        _source.QueryInto(new Arc(cycle + bpos, cycle + epos), context, output);
        for (var i = start; i < output.Count; i++) output[i] = Squeeze(output[i]);
    }

    private Hap<T> Squeeze(in Hap<T> hap)
    {
        var begin = hap.Part.Begin;
        var end = hap.Part.End;
        Rational cycle = begin.Floor();
        var beginPos = Time.Min((begin - cycle) * _inverse, Rational.One);
        var endPos = Time.Min((end - cycle) * _inverse, Rational.One);
        var partBegin = cycle + beginPos;
        var partEnd = cycle + endPos;
        Arc? whole = null;
        if (hap.Whole is { } w)
        {
            whole = new Arc(
                partBegin - (begin - w.Begin) * _inverse + _begin,
                partEnd + (w.End - end) * _inverse + _begin);
        }
        return new Hap<T>(whole, new Arc(partBegin + _begin, partEnd + _begin), hap.Value);
    }
}
