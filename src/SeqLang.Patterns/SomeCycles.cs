using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Strudel's <c>someCyclesBy</c>: whole cycles play the transformed pattern, chosen one by one by a seeded
/// draw at the cycle's start (a pure function of the stream, the salt and the cycle), the others the source.
/// </summary>
internal sealed class SomeCyclesPattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T> _source;
    private readonly Pattern<T> _transformed;
    private readonly double _probability;
    private readonly ulong _stream;
    private readonly ulong _salt;

    public SomeCyclesPattern(Pattern<T> source, Pattern<T> transformed, double probability, ulong stream, ulong salt)
    {
        _source = source;
        _transformed = transformed;
        _probability = probability;
        _stream = stream;
        _salt = salt;
    }

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output) =>
        (SeededRandom.At(_stream, _salt, Rational.FromInteger(cycle)) < _probability ? _transformed : _source).QueryInto(piece, context, output);
}
