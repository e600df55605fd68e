using SeqLang.Core.Text;

namespace SeqLang.Compiler.Control;

/// <summary>One step of a flat lane: its atom as written (<see cref="Text"/>, e.g. <c>x</c>, <c>c4</c>, <c>~</c>) and where it is in the file.</summary>
public sealed record LaneStep(SourceSpan Span, string Text)
{
    /// <summary>False for a rest, <c>~</c> or <c>-</c>.</summary>
    public bool IsOn => Text is not ("~" or "-");
}
