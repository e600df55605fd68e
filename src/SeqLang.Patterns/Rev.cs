using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Reverses every cycle (Strudel's <c>rev</c>): a hap's end becomes its begin, mirrored in its cycle.</summary>
internal sealed class RevPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T> _source;

    public RevPattern(Pattern<T> source) => _source = source;

    public override Rational? Period => Periods.Whole(_source.Period);

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output)
    {
        // t -> cycle + (cycle + 1 - t), with begin and end swapped.
        Rational mirror = 2 * cycle + 1;
        var start = output.Count;
        _source.QueryInto(Reflect(piece, mirror), context, output);
        for (var i = start; i < output.Count; i++)
        {
            var hap = output[i];
            output[i] = new Hap<T>(hap.Whole is { } w ? Reflect(w, mirror) : null, Reflect(hap.Part, mirror), hap.Value);
        }
    }

    private static Arc Reflect(Arc arc, Rational mirror) => new(mirror - arc.End, mirror - arc.Begin);
}
