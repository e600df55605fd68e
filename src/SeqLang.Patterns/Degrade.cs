using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Keeps or drops each event by a random number drawn at its onset (Strudel's <c>degradeBy</c>:
/// an event survives when the number is above the amount). Drawing at the onset means every fragment of
/// one event gets the same verdict, and events stacked at one instant share it, as in Strudel.
/// </summary>
internal sealed class DegradePattern<T> : Pattern<T>
{
    private readonly Pattern<T> _source;
    private readonly double _threshold;
    private readonly ulong _stream;
    private readonly ulong _salt;
    private readonly bool _keepBelow;

    // keepBelow false: keep when r > threshold (degradeBy); true: keep when r < threshold (prob).
    public DegradePattern(Pattern<T> source, double threshold, ulong stream, ulong salt, bool keepBelow)
    {
        _source = source;
        _threshold = threshold;
        _stream = stream;
        _salt = salt;
        _keepBelow = keepBelow;
    }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var start = output.Count;
        _source.QueryInto(arc, context, output);
        var kept = start;
        for (var i = start; i < output.Count; i++)
        {
            var hap = output[i];
            var r = SeededRandom.At(_stream, _salt, hap.WholeOrPart.Begin);
            if (_keepBelow ? r < _threshold : r > _threshold) output[kept++] = hap;
        }
        output.RemoveRange(kept, output.Count - kept);
    }
}
