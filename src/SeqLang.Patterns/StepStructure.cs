using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Which steps of a cycle divided into <see cref="Steps"/> equal steps are on. Euclidean rhythms and
/// <c>segment</c> are both this; asking only for the next step that is on lets <c>a(3,99999999)</c>
/// cost three steps per cycle instead of a hundred million.
/// </summary>
internal abstract class StepStructure
{
    /// <summary>Steps per cycle, at least 1.</summary>
    public abstract long Steps { get; }

    /// <summary>The first step index at or after <paramref name="step"/> (any integer, counted across cycles) that is on.</summary>
    public abstract long NextOn(long step);

    public bool IsOn(long step) => NextOn(step) == step;
}

/// <summary>Every step on: <c>segment n</c>.</summary>
internal sealed class AllStepsOn : StepStructure
{
    private readonly long _steps;

    public AllStepsOn(long steps) => _steps = steps;

    public override long Steps => _steps;

    public override long NextOn(long step) => step;
}

/// <summary>
/// Imposes a step structure on a pattern, as Strudel's <c>struct</c> (<c>keepif.out</c>): each step
/// that is on becomes an event whose whole is the step, with the value of the source at that step;
/// the source is queried over the step and only the parts inside it are kept.
/// </summary>
internal sealed class StructPattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly StepStructure _structure;
    private readonly Rational _steps;
    private readonly bool _queryOffSteps;

    /// <param name="source">The values.</param>
    /// <param name="structure">Which steps sound.</param>
    /// <param name="queryOffSteps">
    /// Also query the source at the steps that are off, and throw the result away. Strudel does (its struct
    /// queries the source for every step), which matters only when the source's queries can fail: a failing
    /// source then fails the whole query, as in Strudel. Off by default, so huge sparse rhythms stay cheap.
    /// </param>
    public StructPattern(Pattern<T> source, StepStructure structure, bool queryOffSteps = false)
    {
        _source = source;
        _structure = structure;
        _steps = structure.Steps;
        _queryOffSteps = queryOffSteps;
        Period = Periods.Whole(source.Period);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        if (arc.Begin > arc.End) return;
        var first = (arc.Begin * _steps).Floor();
        if (arc.Begin == arc.End)
        {
            if (_structure.IsOn(first)) EmitStep(first, arc, context, output);
            return;
        }
        var endScaled = arc.End * _steps;
        if (_queryOffSteps) ProbeOffSteps(arc, first, endScaled, context);
        var step = _structure.NextOn(first);
        while (step < endScaled)
        {
            context.Tick();
            var whole = new Arc(new Rational(step, 1) / _steps, new Rational(step + 1, 1) / _steps);
            var part = new Arc(Time.Max(whole.Begin, arc.Begin), Time.Min(whole.End, arc.End));
            EmitStep(whole, part, context, output);
            if (step == long.MaxValue) break;
            step = _structure.NextOn(step + 1);
        }
    }

    private void ProbeOffSteps(Arc arc, long first, Rational endScaled, QueryContext context)
    {
        var scratch = ListPool<Hap<T>>.Rent();
        try
        {
            for (var step = first; step < endScaled; step++)
            {
                context.Tick();
                if (_structure.IsOn(step)) continue;
                scratch.Clear();
                _source.QueryInto(new Arc(new Rational(step, 1) / _steps, new Rational(step + 1, 1) / _steps), context, scratch);
            }
        }
        finally
        {
            ListPool<Hap<T>>.Return(scratch);
        }
    }

    private void EmitStep(long step, Arc part, QueryContext context, List<Hap<T>> output)
    {
        var whole = new Arc(new Rational(step, 1) / _steps, new Rational(step + 1, 1) / _steps);
        EmitStep(whole, part, context, output);
    }

    private void EmitStep(Arc whole, Arc part, QueryContext context, List<Hap<T>> output)
    {
        var start = output.Count;
        _source.QueryInto(whole, context, output);
        var kept = start;
        for (var i = start; i < output.Count; i++)
        {
            var hap = output[i];
            if (Time.Intersect(hap.Part, part) is { } p) output[kept++] = new Hap<T>(whole, p, hap.Value);
        }
        output.RemoveRange(kept, output.Count - kept);
    }
}
