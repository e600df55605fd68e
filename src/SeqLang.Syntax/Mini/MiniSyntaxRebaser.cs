using SeqLang.Core.Text;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// Moves every span of a mini-notation tree by a fixed number of characters, so a tree parsed once can
/// serve every place in the file where the same string is written (a file repeats "x*16" many times).
/// </summary>
internal static class MiniSyntaxRebaser
{
    public static MiniSyntax Rebase(MiniSyntax syntax, int contentStart)
    {
        var delta = contentStart - syntax.ContentStart;
        return delta == 0 ? syntax : new MiniSyntax(Node(syntax.Body, delta), syntax.Text, contentStart);
    }

    private static SourceSpan Move(SourceSpan span, int delta) => span.Offset(delta);

    private static MiniNodeSyntax Node(MiniNodeSyntax node, int delta) => node switch
    {
        MiniAtomSyntax atom => atom with { Span = Move(atom.Span, delta) },
        MiniSequenceSyntax sequence => Sequence(sequence, delta),
        MiniGroupSyntax group => new MiniGroupSyntax(group.Kind, Sequences(group.Sequences, delta), Move(group.Span, delta)),
        MiniSubCycleSyntax sub => new MiniSubCycleSyntax(Node(sub.Body, delta), Move(sub.Span, delta)),
        MiniPolymeterSyntax poly => new MiniPolymeterSyntax(Sequences(poly.Sequences, delta),
            poly.StepsPerCycle is null ? null : Node(poly.StepsPerCycle, delta), Move(poly.Span, delta)),
        MiniAlternationSyntax alternation => new MiniAlternationSyntax(Sequences(alternation.Sequences, delta), Move(alternation.Span, delta)),
        MiniElementSyntax element => Element(element, delta),
        _ => throw new InvalidOperationException("unknown mini-notation node: " + node.GetType().Name),
    };

    private static MiniSequenceSyntax Sequence(MiniSequenceSyntax sequence, int delta)
    {
        var elements = new MiniElementSyntax[sequence.Elements.Count];
        for (var i = 0; i < elements.Length; i++) elements[i] = Element(sequence.Elements[i], delta);
        return new MiniSequenceSyntax(elements, Move(sequence.Span, delta));
    }

    private static MiniSequenceSyntax[] Sequences(IReadOnlyList<MiniSequenceSyntax> sequences, int delta)
    {
        var result = new MiniSequenceSyntax[sequences.Count];
        for (var i = 0; i < result.Length; i++) result[i] = Sequence(sequences[i], delta);
        return result;
    }

    private static MiniElementSyntax Element(MiniElementSyntax element, int delta)
    {
        var operators = new MiniOperatorSyntax[element.Operators.Count];
        for (var i = 0; i < operators.Length; i++) operators[i] = Operator(element.Operators[i], delta);
        return new MiniElementSyntax(Node(element.Slice, delta), operators, Move(element.Span, delta));
    }

    private static MiniOperatorSyntax Operator(MiniOperatorSyntax op, int delta) => op switch
    {
        MiniWeightSyntax w => w with { Span = Move(w.Span, delta) },
        MiniReplicateSyntax r => r with { Span = Move(r.Span, delta) },
        MiniDegradeSyntax d => d with { Span = Move(d.Span, delta) },
        MiniStretchSyntax s => new MiniStretchSyntax(s.IsFast, Node(s.Amount, delta), Move(s.Span, delta)),
        MiniEuclidSyntax e => new MiniEuclidSyntax(Element(e.Pulses, delta), Element(e.Steps, delta),
            e.Rotation is null ? null : Element(e.Rotation, delta), Move(e.Span, delta)),
        MiniTailSyntax t => new MiniTailSyntax(Node(t.Element, delta), Move(t.Span, delta)),
        MiniRangeSyntax r => new MiniRangeSyntax(Node(r.End, delta), Move(r.Span, delta)),
        _ => throw new InvalidOperationException("unknown mini-notation operator: " + op.GetType().Name),
    };
}
