using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// <c>lock N at K</c> (SPEC §14): from bar K on, bar b plays what bar K + (b − K) mod N played, random choices
/// included, so a generated phrase repeats. Values read later at the final onset draw their dice at the bar
/// replayed (<see cref="LaneNote.DrawOffset"/>).
/// </summary>
internal sealed class LockPattern : Pattern<LaneNote>
{
    private readonly Pattern<LaneNote> _inner;
    private readonly long _bars;
    private readonly long _from;

    public LockPattern(Pattern<LaneNote> inner, long bars, long from)
    {
        _inner = inner;
        _bars = bars;
        _from = from;
        // The lane repeats every N bars from K on; before K it is the inner pattern, so no period holds for all bars.
        Period = null;
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        foreach (var cycle in arc.CycleArcs())
        {
            var bar = cycle.Begin.Floor();
            var source = bar < _from ? bar : _from + (bar - _from) % _bars;
            if (source == bar)
            {
                _inner.QueryInto(cycle, context, output);
                continue;
            }
            var start = output.Count;
            var shift = Rational.FromInteger(bar - source);
            _inner.QueryInto(new Arc(cycle.Begin - shift, cycle.End - shift), context, output);
            for (var i = start; i < output.Count; i++)
            {
                var h = output[i];
                var value = h.Value with { DrawOffset = (h.Value.DrawOffset ?? Rational.Zero) + shift };
                output[i] = new Hap<LaneNote>(h.Whole is { } w ? new Arc(w.Begin + shift, w.End + shift) : null, new Arc(h.Part.Begin + shift, h.Part.End + shift), value);
            }
        }
    }
}
