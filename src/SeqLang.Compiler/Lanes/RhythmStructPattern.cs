using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// <c>struct "MINI"</c> (Strudel's <c>struct</c>): the rhythm is the string's, each true step an event over the
/// step's span, holding what the lane plays at the step's onset (every note of a chord there; nothing where
/// the lane rests). As in Strudel, a step over several of the lane's events is cut into fragments, one each.
/// </summary>
internal sealed class RhythmStructPattern : Pattern<LaneNote>
{
    private readonly Pattern<LaneNote> _lane;
    private readonly Pattern<bool> _steps;
    [ThreadStatic]
    private static List<Hap<bool>>? t_steps;

    public RhythmStructPattern(Pattern<LaneNote> lane, Pattern<bool> steps)
    {
        _lane = lane;
        _steps = steps;
        Period = Periods.Lcm(lane.Period, steps.Period);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        // Queries nest (a struct inside a struct's lane), so each level takes its own list.
        var steps = t_steps ?? new List<Hap<bool>>();
        t_steps = null;
        try
        {
            steps.Clear();
            _steps.QueryInto(arc, context, steps);
            foreach (var step in steps)
            {
                if (!step.Value || step.Whole is not { } whole) continue;
                var start = output.Count;
                _lane.QueryInto(whole, context, output);
                var write = start;
                for (var read = start; read < output.Count; read++)
                {
                    // As Strudel's appLeft: the step's whole, the part where the step and the lane's event overlap.
                    // Only the fragment at the step's onset sounds, but the others matter to what follows (ply).
                    if (step.Part.Intersect(output[read].Part) is { } part && (part.Begin < part.End || step.Part.Begin == step.Part.End))
                        output[write++] = new Hap<LaneNote>(whole, part, output[read].Value);
                }
                output.RemoveRange(write, output.Count - write);
            }
        }
        finally
        {
            steps.Clear();
            t_steps = steps;
        }
    }
}
