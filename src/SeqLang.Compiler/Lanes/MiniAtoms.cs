using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The atoms of a mini-notation string that are played (not operator arguments such as the 3 in <c>a*3</c>
/// or the 8 in <c>(3,8)</c>), found by walking the tree so every one is checked, including atoms in
/// cycles a render might never reach.
/// </summary>
internal static class MiniAtoms
{
    /// <summary>Appends the played atoms under <paramref name="node"/> to <paramref name="into"/>, in text order.</summary>
    /// <remarks>A list filled by recursion rather than nested iterators: a file has thousands of strings, and an iterator per node was a tenth of what checking one allocated.</remarks>
    public static void Played(MiniNodeSyntax node, List<MiniAtomSyntax> into)
    {
        switch (node)
        {
            case MiniAtomSyntax atom:
                if (!atom.IsRest) into.Add(atom);
                break;
            case MiniSequenceSyntax sequence:
                for (var i = 0; i < sequence.Elements.Count; i++) Played(sequence.Elements[i], into);
                break;
            case MiniGroupSyntax group:
                for (var i = 0; i < group.Sequences.Count; i++) Played(group.Sequences[i], into);
                break;
            case MiniSubCycleSyntax sub:
                Played(sub.Body, into);
                break;
            case MiniPolymeterSyntax polymeter:
                for (var i = 0; i < polymeter.Sequences.Count; i++) Played(polymeter.Sequences[i], into);
                break;
            case MiniAlternationSyntax alternation:
                for (var i = 0; i < alternation.Sequences.Count; i++) Played(alternation.Sequences[i], into);
                break;
            case MiniElementSyntax element:
                Played(element.Slice, into);
                break;
        }
    }
}
