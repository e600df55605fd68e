using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Syntax.Mini;

/// <summary>An operator after a step. Numbers are kept as written and exactly (null when absent).</summary>
public abstract record MiniOperatorSyntax(SourceSpan Span);

/// <summary>
/// <c>@N</c> or <c>_</c> / <c>_N</c>: adds N-1 to the step's weight (N defaults to 2, so each bare
/// <c>_</c> adds one; weights start at 1, so <c>a@3@2</c> weighs 4).
/// </summary>
public sealed record MiniWeightSyntax(Rational? Amount, bool IsUnderscore, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>!N</c> or a bare <c>!</c>: repeats the step (a bare <c>!</c> adds one repetition).</summary>
public sealed record MiniReplicateSyntax(Rational? Amount, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>?</c> or <c>?P</c>: drops the step's events with probability P (default 0.5).</summary>
public sealed record MiniDegradeSyntax(double? Amount, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>*X</c> (fast) or <c>/X</c> (slow); X is a step or a bracketed pattern (<c>a*&lt;2 3&gt;</c>).</summary>
public sealed record MiniStretchSyntax(bool IsFast, MiniNodeSyntax Amount, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>(k,n)</c> or <c>(k,n,r)</c>: a Euclidean rhythm; each argument may be a pattern.</summary>
public sealed record MiniEuclidSyntax(MiniElementSyntax Pulses, MiniElementSyntax Steps, MiniElementSyntax? Rotation, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>:X</c>: appends X to the value, making a list (<c>bd:3</c>).</summary>
public sealed record MiniTailSyntax(MiniNodeSyntax Element, SourceSpan Span) : MiniOperatorSyntax(Span);

/// <summary><c>.. X</c>: the numbers from the step's value to X, as a sequence (<c>0 .. 3</c>).</summary>
public sealed record MiniRangeSyntax(MiniNodeSyntax End, SourceSpan Span) : MiniOperatorSyntax(Span);
