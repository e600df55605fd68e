using SeqLang.Core.Text;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// A parsed mini-notation string. Every span in the tree is an offset into the enclosing file
/// (the string's content starts at <see cref="ContentStart"/>), so diagnostics point at the exact character.
/// </summary>
/// <param name="Body">The top-level stack, choice, feet or sequence.</param>
/// <param name="Text">The string's content as written.</param>
/// <param name="ContentStart">File offset of the content's first character.</param>
public sealed record MiniSyntax(MiniNodeSyntax Body, string Text, int ContentStart)
{
    public SourceSpan Span => new(ContentStart, Text.Length);
}

/// <summary>Any node that can stand where a step stands, or a sequence/group of them.</summary>
public abstract record MiniNodeSyntax(SourceSpan Span);

/// <summary>
/// A step as written: a word, number, note, chord or drum name (<c>bd</c>, <c>-1</c>, <c>eb3</c>,
/// <c>c4'maj7</c>), or a rest <c>~</c> / <c>-</c>.
/// </summary>
public sealed record MiniAtomSyntax(string Text, SourceSpan Span) : MiniNodeSyntax(Span)
{
    /// <summary>Strudel reads <c>~</c> and a lone <c>-</c> as silence.</summary>
    public bool IsRest => Text is "~" or "-";
}

/// <summary>Steps side by side in one cycle (<c>a b c</c>), each step as long as its weight.</summary>
public sealed record MiniSequenceSyntax(IReadOnlyList<MiniElementSyntax> Elements, SourceSpan Span) : MiniNodeSyntax(Span);

/// <summary>How the sequences of a <see cref="MiniGroupSyntax"/> combine.</summary>
public enum MiniGroupKind
{
    /// <summary><c>a b, c d</c>: all at once.</summary>
    Stack,
    /// <summary><c>a | b | c</c>: one per cycle, at random.</summary>
    RandomChoice,
    /// <summary><c>a . b c . d</c>: each sequence one step of the cycle.</summary>
    Feet,
}

/// <summary>Two or more sequences joined by <c>,</c>, <c>|</c> or <c>.</c> (never mixed).</summary>
public sealed record MiniGroupSyntax(MiniGroupKind Kind, IReadOnlyList<MiniSequenceSyntax> Sequences, SourceSpan Span) : MiniNodeSyntax(Span);

/// <summary><c>[ ... ]</c>: a sub-cycle holding a sequence or a group.</summary>
public sealed record MiniSubCycleSyntax(MiniNodeSyntax Body, SourceSpan Span) : MiniNodeSyntax(Span);

/// <summary><c>{ a b, c d e }%N</c>: sequences aligned step by step, N steps per cycle (default: the first's).</summary>
public sealed record MiniPolymeterSyntax(IReadOnlyList<MiniSequenceSyntax> Sequences, MiniNodeSyntax? StepsPerCycle, SourceSpan Span) : MiniNodeSyntax(Span);

/// <summary><c>&lt; a b c &gt;</c>: one step per cycle, in turn (several sequences separated by <c>,</c> play at once).</summary>
public sealed record MiniAlternationSyntax(IReadOnlyList<MiniSequenceSyntax> Sequences, SourceSpan Span) : MiniNodeSyntax(Span);

/// <summary>A step with its operators, applied left to right (<c>a*2!3</c>).</summary>
public sealed record MiniElementSyntax(MiniNodeSyntax Slice, IReadOnlyList<MiniOperatorSyntax> Operators, SourceSpan Span) : MiniNodeSyntax(Span);
