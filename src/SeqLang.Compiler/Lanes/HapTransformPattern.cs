using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Rewrites or drops each hap of a lane by a function of the hap itself (its onset time is what
/// <c>prob</c> and <c>vel "..."</c> need). The function returns false to drop the hap.
/// </summary>
internal sealed class HapTransformPattern : Pattern<LaneNote>
{
    public delegate bool Transform(in Hap<LaneNote> hap, out LaneNote value);

    private readonly Pattern<LaneNote> _inner;
    private readonly Transform _transform;

    // period: the result's period: the inner pattern's when the transform ignores time, a common multiple
    // when it samples another pattern, null when it draws random numbers from the position.
    public HapTransformPattern(Pattern<LaneNote> inner, Transform transform, Rational? period)
    {
        _inner = inner;
        _transform = transform;
        Period = period;
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<LaneNote>> output)
    {
        var start = output.Count;
        _inner.QueryInto(arc, context, output);
        var write = start;
        for (var read = start; read < output.Count; read++)
        {
            var hap = output[read];
            if (_transform(in hap, out var value)) output[write++] = hap.WithValue(value);
        }
        output.RemoveRange(write, output.Count - write);
    }
}
