using SeqLang.Core.Time;

namespace SeqLang.Patterns.Generators;

/// <summary>
/// A bar of equal steps from a generator: cycle c plays row(c), step i over [c + i/N, c + (i+1)/N), nothing where
/// the row has no value. The generators are pure functions of the bar, so any bar can be asked in any order.
/// </summary>
public sealed class StepRowPattern<T> : Pattern<T>
{
    private readonly Func<long, (bool Plays, T Value)[]> _row;

    /// <param name="row">The steps of a bar (all rows have the same length).</param>
    /// <param name="period">Whole bars after which the rows repeat, or null.</param>
    public StepRowPattern(Func<long, (bool Plays, T Value)[]> row, Rational? period)
    {
        _row = row;
        Period = period;
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        foreach (var cycle in arc.CycleArcs())
        {
            var bar = cycle.Begin.Floor();
            var row = _row(bar);
            for (var i = 0; i < row.Length; i++)
            {
                if (!row[i].Plays) continue;
                var whole = new Arc(bar + new Rational(i, row.Length), bar + new Rational(i + 1, row.Length));
                if (whole.Intersect(cycle) is { } part && (part.Begin < part.End || cycle.Begin == cycle.End))
                    output.Add(new Hap<T>(whole, part, row[i].Value));
            }
        }
    }
}
