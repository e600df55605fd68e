using System.Globalization;
using Antlr4.Runtime;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// Builds the public mini-notation AST from an error-free parse tree, with spans offset into the file.
/// Also checks what the grammar leaves to it: the number after an operator, '%' touching '}', and
/// krill's '^' step marker at the start of a sequence (accepted and dropped: it only matters to
/// Strudel's stepwise functions, which mini-notation here does not have).
/// </summary>
internal sealed class MiniAstBuilder
{
    private readonly int _offset;
    private readonly DiagnosticBag _diagnostics;

    public MiniAstBuilder(int fileOffset, DiagnosticBag diagnostics)
    {
        _offset = fileOffset;
        _diagnostics = diagnostics;
    }

    public bool Failed { get; private set; }

    // mini : stackOrChoose EOF
    public MiniNodeSyntax Build(MiniNotationParser.MiniContext context) => StackOrChoose(context.stackOrChoose());

    // stackOrChoose : sequence ((COMMA sequence)+ | (PIPE sequence)+ | (DOT sequence)+)?
    private MiniNodeSyntax StackOrChoose(MiniNotationParser.StackOrChooseContext context)
    {
        var sequences = context.sequence();
        if (sequences.Length == 1) return Sequence(sequences[0]);
        var kind = context.COMMA().Length > 0 ? MiniGroupKind.Stack
            : context.PIPE().Length > 0 ? MiniGroupKind.RandomChoice
            : MiniGroupKind.Feet;
        return new MiniGroupSyntax(kind, Sequences(sequences), Span(context));
    }

    // polymeterStack : sequence (COMMA sequence)*
    private MiniSequenceSyntax[] PolymeterStack(MiniNotationParser.PolymeterStackContext context) => Sequences(context.sequence());

    private MiniSequenceSyntax[] Sequences(MiniNotationParser.SequenceContext[] contexts)
    {
        var result = new MiniSequenceSyntax[contexts.Length];
        for (var i = 0; i < contexts.Length; i++) result[i] = Sequence(contexts[i]);
        return result;
    }

    // sequence : sliceWithOps+
    private MiniSequenceSyntax Sequence(MiniNotationParser.SequenceContext context)
    {
        var elements = new List<MiniElementSyntax>();
        foreach (var item in context.sliceWithOps())
        {
            foreach (var element in SliceWithOps(item))
            {
                // Tokens of one run of step characters that the lexer cut ("..x" is ".." then "x") are one step,
                // as krill reads the run whole where a step starts.
                if (elements.Count > 0 && elements[^1] is { Operators.Count: 0, Slice: MiniAtomSyntax before }
                    && element.Slice is MiniAtomSyntax after && after.Span.Start == before.Span.End)
                {
                    var merged = new MiniAtomSyntax(before.Text + after.Text, before.Span.Union(after.Span));
                    elements[^1] = element with { Slice = merged, Span = before.Span.Union(element.Span) };
                    continue;
                }
                elements.Add(element);
            }
        }
        foreach (var element in elements) Checked(element.Slice);
        // krill: sequence = '^'? slice_with_ops+ — a leading '^' marks the sequence, it is not a step.
        if (elements[0].Slice is MiniAtomSyntax { Text: ['^', ..] } marked)
        {
            var rest = new MiniAtomSyntax(marked.Text[1..], new SourceSpan(marked.Span.Start + 1, marked.Span.Length - 1));
            if (rest.Text is "." or "_")
            {
                Report(Codes.MiniMisplaced, rest.Span, $"'{rest.Text}' cannot start a sequence");
            }
            else if (rest.Text.Length > 0)
            {
                elements[0] = elements[0] with { Slice = rest, Span = SourceSpan.FromBounds(rest.Span.Start, elements[0].Span.End) };
            }
            else if (elements[0].Operators.Count > 0 || elements.Count == 1)
            {
                Report(Codes.MiniMisplaced, marked.Span, "'^' must be followed by a step");
            }
            else
            {
                elements.RemoveAt(0);
            }
        }
        return new MiniSequenceSyntax(elements, Span(context));
    }

    // sliceWithOps : slice op*
    // krill lets whitespace before an operator only where the thing before it ate its trailing spaces:
    // a step or a bracket does, but '@3', '_', '!', '?' and '(k,n)' do not, and of the operators only
    // '@', '_' and '!' skip spaces themselves. So "a(3,8) *2" is an error there, and in "a@3 .. 4" the
    // ".." is not the range operator but a step of its own, followed by the step 4.
    private List<MiniElementSyntax> SliceWithOps(MiniNotationParser.SliceWithOpsContext context)
    {
        var result = new List<MiniElementSyntax>();
        var slice = Slice(context.slice());
        var start = context.Start;
        var operators = new List<MiniOperatorSyntax>();
        MiniNotationParser.OpContext? previous = null;
        foreach (var op in context.op())
        {
            if (previous is not null && EndsWithoutSpace(previous) && MustTouch(op) && op.Start.StartIndex != previous.Stop.StopIndex + 1)
            {
                if (op is MiniNotationParser.RangeOpContext range)
                {
                    result.Add(new MiniElementSyntax(slice, operators.ToArray(), Span(start, previous.Stop)));
                    var dots = range.RANGE().Symbol;
                    result.Add(new MiniElementSyntax(new MiniAtomSyntax(dots.Text, Span(dots)), Array.Empty<MiniOperatorSyntax>(), Span(dots)));
                    slice = Slice(range.slice());
                    start = range.slice().Start;
                    operators.Clear();
                    previous = null;
                    continue;
                }
                Report(Codes.MiniUnexpectedTokenNoHint, Span(op.Start), $"'{op.Start.Text}' (write it right after the operator before it)");
            }
            operators.Add(Operator(op));
            previous = op;
        }
        result.Add(new MiniElementSyntax(slice, operators.ToArray(), Span(start, context.Stop)));
        return result;
    }

    /// <summary>Operators that end without eating the spaces after them.</summary>
    private static bool EndsWithoutSpace(MiniNotationParser.OpContext op) => op is MiniNotationParser.WeightOpContext
        or MiniNotationParser.ElongateOpContext or MiniNotationParser.ReplicateOpContext
        or MiniNotationParser.DegradeOpContext or MiniNotationParser.EuclidOpContext;

    /// <summary>Operators that do not skip spaces before themselves.</summary>
    private static bool MustTouch(MiniNotationParser.OpContext op) => op is not (MiniNotationParser.WeightOpContext
        or MiniNotationParser.ElongateOpContext or MiniNotationParser.ReplicateOpContext);

    /// <summary>A euclid argument is one step with its operators; krill has no room for more.</summary>
    private MiniElementSyntax Argument(MiniNotationParser.SliceWithOpsContext context)
    {
        var elements = SliceWithOps(context);
        if (elements.Count > 1) Report(Codes.MiniMisplaced, elements[1].Span, "a euclid argument is a single step");
        return elements[0];
    }

    private MiniNodeSyntax Slice(MiniNotationParser.SliceContext context) => context switch
    {
        // slice : WORD
        MiniNotationParser.StepSliceContext step => new MiniAtomSyntax(step.WORD().GetText(), Span(step.WORD().Symbol)),
        // slice : ELONGATE+ WORD?
        MiniNotationParser.UnderscoreStepSliceContext underscored => UnderscoreStep(underscored),
        // slice : RANGE
        MiniNotationParser.RangeStepSliceContext range => new MiniAtomSyntax(range.RANGE().GetText(), Span(range.RANGE().Symbol)),
        // slice : LBRACK stackOrChoose RBRACK
        MiniNotationParser.SubCycleSliceContext sub => new MiniSubCycleSyntax(StackOrChoose(sub.stackOrChoose()), Span(sub)),
        // slice : LBRACE polymeterStack RBRACE (PERCENT slice)?
        MiniNotationParser.PolymeterSliceContext poly => Polymeter(poly),
        // slice : LANGLE polymeterStack RANGLE
        MiniNotationParser.AlternationSliceContext alt => new MiniAlternationSyntax(PolymeterStack(alt.polymeterStack()), Span(alt)),
        _ => throw new InvalidOperationException("unknown mini-notation slice: " + context.GetType().Name),
    };

    /// <summary>
    /// Underscores where a step must start ("[_a]", "[__ b]"): they begin a step, joined in
    /// <see cref="Sequence"/> with the tokens that touch them; a lone "_" there is refused by <see cref="Checked"/>.
    /// </summary>
    private MiniNodeSyntax UnderscoreStep(MiniNotationParser.UnderscoreStepSliceContext context)
    {
        var tokens = context.ELONGATE();
        var text = new System.Text.StringBuilder(tokens[0].GetText());
        for (var i = 1; i < tokens.Length; i++)
        {
            if (tokens[i].Symbol.StartIndex != tokens[i - 1].Symbol.StopIndex + 1)
                Report(Codes.MiniMisplaced, Span(tokens[i - 1].Symbol), "'_' lengthens the step before it, so it cannot start a sequence");
            text.Append(tokens[i].GetText());
        }
        return new MiniAtomSyntax(text.ToString(), Span(context));
    }

    /// <summary>krill refuses a step that is exactly "_" or "." (they elongate and separate feet).</summary>
    private MiniNodeSyntax Checked(MiniNodeSyntax node)
    {
        if (node is MiniAtomSyntax { Text: "_" or "." } atom)
            Report(Codes.MiniMisplaced, atom.Span, $"'{atom.Text}' cannot start a sequence ('_' lengthens the step before it)");
        return node;
    }

    private MiniPolymeterSyntax Polymeter(MiniNotationParser.PolymeterSliceContext context)
    {
        MiniNodeSyntax? steps = null;
        if (context.PERCENT() is { } percent)
        {
            // krill reads "}%" with nothing in between: "{a b} %4" is an error there.
            if (percent.Symbol.StartIndex != context.RBRACE().Symbol.StopIndex + 1)
                Report(Codes.MiniMisplaced, Span(percent.Symbol), "'%' must follow '}' directly, as in {a b c}%4");
            steps = Checked(Slice(context.slice()));
        }
        return new MiniPolymeterSyntax(PolymeterStack(context.polymeterStack()), steps, Span(context));
    }

    private MiniOperatorSyntax Operator(MiniNotationParser.OpContext context)
    {
        switch (context)
        {
            case MiniNotationParser.WeightOpContext weight: // op : WEIGHT
                return new MiniWeightSyntax(Amount(weight.WEIGHT().Symbol), false, Span(weight));
            case MiniNotationParser.ElongateOpContext elongate: // op : ELONGATE
                return new MiniWeightSyntax(Amount(elongate.ELONGATE().Symbol), true, Span(elongate));
            case MiniNotationParser.ReplicateOpContext replicate: // op : REPLICATE
                return new MiniReplicateSyntax(Amount(replicate.REPLICATE().Symbol), Span(replicate));
            case MiniNotationParser.DegradeOpContext degrade: // op : DEGRADE
            {
                var text = degrade.DEGRADE().GetText()[1..];
                double? amount = text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return new MiniDegradeSyntax(amount, Span(degrade));
            }
            case MiniNotationParser.EuclidOpContext euclid: // op : LPAREN sliceWithOps COMMA sliceWithOps COMMA? sliceWithOps? RPAREN
            {
                var args = euclid.sliceWithOps();
                return new MiniEuclidSyntax(Argument(args[0]), Argument(args[1]), args.Length > 2 ? Argument(args[2]) : null, Span(euclid));
            }
            case MiniNotationParser.FastOpContext fast: // op : STAR slice
                return new MiniStretchSyntax(true, Checked(Slice(fast.slice())), Span(fast));
            case MiniNotationParser.SlowOpContext slow: // op : SLASH slice
                return new MiniStretchSyntax(false, Checked(Slice(slow.slice())), Span(slow));
            case MiniNotationParser.TailOpContext tail: // op : COLON slice
                return new MiniTailSyntax(Checked(Slice(tail.slice())), Span(tail));
            case MiniNotationParser.RangeOpContext range: // op : RANGE slice
                return new MiniRangeSyntax(Checked(Slice(range.slice())), Span(range));
            default:
                throw new InvalidOperationException("unknown mini-notation operator: " + context.GetType().Name);
        }
    }

    /// <summary>The exact number after an operator character ("@3" → 3), null when there is none.</summary>
    private Rational? Amount(IToken token)
    {
        var text = token.Text[1..];
        if (text.Length == 0) return null;
        if (Rational.TryParseDecimal(text, out var value)) return value;
        Report(Codes.MiniBadNumber, new SourceSpan(_offset + token.StartIndex + 1, text.Length), text);
        return null;
    }

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        _diagnostics.Add(descriptor, span, args);
        Failed = true;
    }

    private SourceSpan Span(ParserRuleContext context) =>
        SourceSpan.FromBounds(_offset + context.Start.StartIndex, _offset + Math.Max(context.Start.StartIndex, context.Stop.StopIndex + 1));

    private SourceSpan Span(IToken token) => SourceSpan.FromBounds(_offset + token.StartIndex, _offset + token.StopIndex + 1);

    private SourceSpan Span(IToken first, IToken last) => SourceSpan.FromBounds(_offset + first.StartIndex, _offset + last.StopIndex + 1);
}
