using SeqLang.Core.Time;

namespace SeqLang.Patterns.Generators;

/// <summary>
/// A bar of W equal steps from an automaton's row: cycle c plays the value on step i over
/// [c + i/W, c + (i+1)/W) where bit i of row(c) is set. The same as a <see cref="StepRowPattern{T}"/> of one value,
/// without an array of steps made for every bar asked.
/// </summary>
public sealed class BitRowPattern<T> : Pattern<T>
{
    private readonly Func<long, ulong> _row;
    private readonly int _width;
    private readonly T _value;

    /// <param name="row">The live cells of a bar, cell i in bit i.</param>
    /// <param name="width">Cells (steps) in a bar, 1 to 64.</param>
    /// <param name="value">What a live cell plays.</param>
    public BitRowPattern(Func<long, ulong> row, int width, T value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 64);
        _row = row;
        _width = width;
        _value = value;
    }

    public override Rational? Period => null;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        foreach (var cycle in arc.CycleArcs())
        {
            var bar = cycle.Begin.Floor();
            var row = _row(bar);
            for (var i = 0; i < _width && row != 0; i++, row >>= 1)
            {
                if ((row & 1) == 0) continue;
                var whole = new Arc(bar + new Rational(i, _width), bar + new Rational(i + 1, _width));
                if (whole.Intersect(cycle) is { } part && (part.Begin < part.End || cycle.Begin == cycle.End))
                    output.Add(new Hap<T>(whole, part, _value));
            }
        }
    }
}
