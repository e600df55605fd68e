using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>A pattern that fails when queried, for arguments Strudel rejects at query time (its query then yields nothing).</summary>
internal sealed class FailingPattern<T> : Pattern<T>
{
    private readonly string _message;

    public FailingPattern(string message) => _message = message;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output) =>
        throw new PatternQueryException(_message);
}
