using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Mini;

/// <summary>
/// What Strudel's <c>fast</c> does with a factor of zero given as a fraction (a polymeter with <c>%0</c>):
/// it queries the source at the single point 0 and then divides the events' times by zero. So the query
/// fails whenever the source has an event there, and is silent otherwise.
/// </summary>
internal sealed class ZeroSpeedPattern : Pattern<MiniAtom>
{
    private readonly Pattern<MiniAtom> _source;

    public ZeroSpeedPattern(Pattern<MiniAtom> source) => _source = source;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<MiniAtom>> output)
    {
        if (arc.Begin > arc.End) return;
        var probe = new List<Hap<MiniAtom>>();
        _source.QueryInto(new Arc(Rational.Zero, Rational.Zero), context, probe);
        if (probe.Count > 0) throw new PatternQueryException("a polymeter with 0 steps per cycle divides by zero");
    }
}
