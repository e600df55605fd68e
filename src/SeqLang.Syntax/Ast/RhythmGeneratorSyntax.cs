using SeqLang.Core.Text;

namespace SeqLang.Syntax.Ast;

/// <summary>
/// A lane's rhythm generator in place of its string (SPEC §15): <c>bresenham K N</c>, <c>weights { DRUM W ... } [steps N]</c>
/// <c>cellular RULE [width W] [from "MINI" | from random D]</c> or <c>lsystem NAME gen G [step S]</c> (<see cref="Reference"/>
/// names the rule set). <see cref="Numbers"/> are the numbers after the keyword. <c>life RULE WORD...</c> has its rule
/// (<c>B3/S23</c>) as <see cref="Reference"/> and its options as <see cref="Words"/>, read by the checker.
/// </summary>
public sealed record RhythmGeneratorSyntax(
    NameSyntax Keyword,
    IReadOnlyList<NumberSyntax> Numbers,
    IReadOnlyList<WeightSyntax> Weights,
    IReadOnlyList<GeneratorOptionSyntax> Options,
    SourceSpan Span,
    NameSyntax? Reference = null,
    IReadOnlyList<GeneratorWordSyntax>? Words = null);

/// <summary>One word of life's options as written: a name, a number or a string, with its span.</summary>
public sealed record GeneratorWordSyntax(string Text, NumberSyntax? Number, StringSyntax? String, SourceSpan Span);

/// <summary>One drum and its weight in <c>weights { ... }</c>.</summary>
public sealed record WeightSyntax(NameSyntax Drum, NumberSyntax Weight, SourceSpan Span);

/// <summary>An option of a generator: <c>width 16</c>, <c>steps 12</c>, <c>from "x ~ x"</c>, <c>from random 0.3</c>.</summary>
public sealed record GeneratorOptionSyntax(NameSyntax Word, NumberSyntax? Number, StringSyntax? Text, NameSyntax? Qualifier, SourceSpan Span);
