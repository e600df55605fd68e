using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Moves each event by an amount that depends on its onset (<c>swing</c>, <c>humanize</c>), keeping its
/// length. The inner pattern is queried over the arc widened by the largest possible move, so an event
/// that moves into the arc from outside it is found.
/// </summary>
internal sealed class OnsetShiftPattern : Pattern<LaneNote>
{
    private readonly Pattern<LaneNote> _inner;
    private readonly Func<Rational, Rational> _offset;
    private readonly Rational _maxOffset;
    private readonly bool _feel;

    // period: the result's period: null when the offset is random, else a common multiple of the inner
    // pattern's and the offset's. feel: true for swing, humanize and groove, which move when a note sounds but not
    // where it reads its chord and signals; false for a patterned shift, which moves the note itself.
    public OnsetShiftPattern(Pattern<LaneNote> inner, Func<Rational, Rational> offset, Rational maxOffset, Rational? period, bool feel = true)
    {
        _feel = feel;
        _inner = inner;
        _offset = offset;
        _maxOffset = maxOffset.Abs();
        Period = period;
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        // One small list per lane and bar: only swung or humanized lanes pay for it.
        var buffer = new List<Hap<LaneNote>>();
        _inner.QueryInto(new Arc(arc.Begin - _maxOffset, arc.End + _maxOffset), context, buffer);
        foreach (var hap in buffer)
        {
            if (hap.Whole is not { } whole) continue;
            var delta = _offset(whole.Begin);
            var part = new Arc(hap.Part.Begin + delta, hap.Part.End + delta);
            if (part.Intersect(arc) is not { } clipped) continue;
            var value = delta.IsZero || !_feel ? hap.Value : hap.Value with { FeelOffset = (hap.Value.FeelOffset ?? Rational.Zero) + delta };
            output.Add(new Hap<LaneNote>(new Arc(whole.Begin + delta, whole.End + delta), clipped, value));
        }
    }
}
