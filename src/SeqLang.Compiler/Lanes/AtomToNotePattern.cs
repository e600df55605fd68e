using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>Lifts a lane's atoms into lane notes with the lane's defaults (velocity 100, legato 1, its channel).</summary>
internal sealed class AtomToNotePattern : Pattern<LaneNote>
{
    private readonly Pattern<Atom> _atoms;
    private readonly LaneNote _defaults;
    [ThreadStatic]
    private static List<Hap<Atom>>? t_buffer;

    public AtomToNotePattern(Pattern<Atom> atoms, LaneNote defaults)
    {
        _atoms = atoms;
        _defaults = defaults;
    }

    public override Rational? Period => _atoms.Period;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        // One list per thread, taken while in use: a lane queried inside another's query gets its own.
        var buffer = t_buffer ?? new List<Hap<Atom>>();
        t_buffer = null;
        try
        {
            _atoms.QueryInto(arc, context, buffer);
            foreach (var hap in buffer) output.Add(hap.WithValue(_defaults with { Atom = hap.Value }));
        }
        finally
        {
            buffer.Clear();
            t_buffer = buffer;
        }
    }
}
