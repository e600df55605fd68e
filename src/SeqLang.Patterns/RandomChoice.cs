using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Picks one child per cycle at random (mini-notation <c>a | b | c</c>): Strudel's <c>chooseInWith</c>
/// with a random value segmented to one per cycle. The chosen child plays its own time, uncut.
/// </summary>
internal sealed class RandomChoicePattern<T> : CycleSplitPattern<T>
{
    private readonly Pattern<T>[] _children;
    private readonly ulong _stream;
    private readonly ulong _salt;

    public RandomChoicePattern(Pattern<T>[] children, ulong stream, ulong salt)
    {
        _children = children;
        _stream = stream;
        _salt = salt;
    }

    protected override void QueryPiece(Arc piece, long cycle, QueryContext context, List<Hap<T>> output)
    {
        var r = SeededRandom.At(_stream, _salt, cycle);
        var index = (int)Math.Min(_children.Length - 1, Math.Floor(r * _children.Length));
        _children[index].QueryInto(piece, context, output);
    }
}
