using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// <c>arp</c> (SPEC §14). The lane's notes that share a span are a chord, read lowest first. <c>arp MODE</c> plays the
/// chord's notes one after another within its span in Tidal's order; <c>arp MODE step S</c> plays a new note every S
/// bars while the chord lasts; <c>arp "MINI"</c> (Strudel's) lets the string's events pick notes by index, the
/// string's rhythm winning. A harmony chord, whose notes are known only with the bar, carries an <see cref="ArpPick"/>
/// that the event stream resolves.
/// </summary>
internal sealed class ArpPattern : Pattern<LaneNote>
{
    private readonly Pattern<LaneNote> _inner;
    private readonly ArpeggioMode _mode;
    private readonly int _octaves;
    private readonly Rational? _step;
    private readonly Pattern<int>? _indices;

    public ArpPattern(Pattern<LaneNote> inner, ArpeggioMode mode, int octaves, Rational? step, Pattern<int>? indices)
    {
        _inner = inner;
        _mode = mode;
        _octaves = octaves;
        _step = step;
        _indices = indices;
        Period = indices is null ? inner.Period : Periods.Lcm(inner.Period, indices.Period);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        var haps = new List<Hap<LaneNote>>();
        _inner.QueryInto(arc, context, haps);
        var done = new bool[haps.Count];
        var chord = new List<LaneNote>();
        for (var i = 0; i < haps.Count; i++)
        {
            if (done[i] || haps[i].Whole is not { } whole) continue;
            chord.Clear();
            for (var j = i; j < haps.Count; j++)
            {
                if (done[j] || haps[j].Whole != whole) continue;
                done[j] = true;
                chord.Add(haps[j].Value);
            }
            Chord(whole, haps[i].Part, chord, context, output);
        }
    }

    private void Chord(Arc whole, Arc part, List<LaneNote> notes, QueryContext context, List<Hap<LaneNote>> output)
    {
        var template = notes[0];
        // A harmony chord stays one atom until the bar's chord is known.
        var late = notes.Count == 1 && template.Atom.Harmony == HarmonyRef.Chord;
        int[] ordered;
        if (late) ordered = Array.Empty<int>();
        else
        {
            var pitches = notes.SelectMany(n => n.Atom.Harmony == HarmonyRef.None ? n.Atom.Pitches.Select(p => p + n.Transpose - template.Transpose) : Array.Empty<int>()).ToArray();
            Array.Sort(pitches);
            ordered = _indices is null ? Arpeggio.Order(_mode, Arpeggio.Stack(pitches, _octaves)) : pitches;
            if (ordered.Length == 0) return;
        }

        if (_indices is not null)
        {
            var picks = new List<Hap<int>>();
            _indices.QueryInto(part, context, picks);
            foreach (var pick in picks)
            {
                if (pick.Part.Intersect(part) is not { } within) continue;
                var index = pick.Value;
                var note = late ? Pick(template, index, split: false) : Note(template, ordered[index % ordered.Length]);
                output.Add(new Hap<LaneNote>(pick.Whole, within, note));
            }
            return;
        }

        if (_step is { } step)
        {
            var first = ((part.Begin - whole.Begin) / step).Floor();
            for (var k = Math.Max(0, first); whole.Begin + step * k < part.End && whole.Begin + step * k < whole.End; k++)
            {
                var begin = whole.Begin + step * k;
                var sub = new Arc(begin, Rational.Min(begin + step, whole.End));
                if (sub.Intersect(part) is not { } within) continue;
                var note = late ? Pick(template, (int)Math.Min(k, int.MaxValue), split: false) : Note(template, ordered[(int)(k % ordered.Length)]);
                output.Add(new Hap<LaneNote>(sub, within, note));
            }
            return;
        }

        if (late)
        {
            output.Add(new Hap<LaneNote>(whole, part, Pick(template, 0, split: true)));
            return;
        }
        var length = whole.Duration / ordered.Length;
        for (var n = 0; n < ordered.Length; n++)
        {
            var sub = new Arc(whole.Begin + length * n, whole.Begin + length * (n + 1));
            if (sub.Intersect(part) is { } within && (within.Begin < within.End || part.Begin == part.End))
                output.Add(new Hap<LaneNote>(sub, within, Note(template, ordered[n])));
        }
    }

    private static LaneNote Note(LaneNote template, int pitch) => template with { Atom = Atom.Fixed(pitch, template.Atom.Accent) };

    private LaneNote Pick(LaneNote template, int index, bool split) =>
        template with { Atom = template.Atom with { Pick = new ArpPick(_indices is null ? _mode : ArpeggioMode.Up, _indices is null ? _octaves : 1, index, split) } };
}
