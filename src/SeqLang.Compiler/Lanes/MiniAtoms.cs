using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The atoms of a mini-notation string that are played (not operator arguments such as the 3 in <c>a*3</c>
/// or the 8 in <c>(3,8)</c>), found by walking the tree so every one is checked, including atoms in
/// cycles a render might never reach.
/// </summary>
internal static class MiniAtoms
{
    public static IEnumerable<MiniAtomSyntax> Played(MiniNodeSyntax node)
    {
        switch (node)
        {
            case MiniAtomSyntax atom:
                if (!atom.IsRest) yield return atom;
                break;
            case MiniSequenceSyntax sequence:
                foreach (var element in sequence.Elements)
                    foreach (var atom in Played(element)) yield return atom;
                break;
            case MiniGroupSyntax group:
                foreach (var sequence in group.Sequences)
                    foreach (var atom in Played(sequence)) yield return atom;
                break;
            case MiniSubCycleSyntax sub:
                foreach (var atom in Played(sub.Body)) yield return atom;
                break;
            case MiniPolymeterSyntax polymeter:
                foreach (var sequence in polymeter.Sequences)
                    foreach (var atom in Played(sequence)) yield return atom;
                break;
            case MiniAlternationSyntax alternation:
                foreach (var sequence in alternation.Sequences)
                    foreach (var atom in Played(sequence)) yield return atom;
                break;
            case MiniElementSyntax element:
                foreach (var atom in Played(element.Slice)) yield return atom;
                break;
        }
    }
}
