using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Form;

/// <summary>Finds every section name the file's <c>in</c> blocks use, so <see cref="FormBinder"/> can check them against the form.</summary>
internal static class SectionReferences
{
    /// <summary>
    /// The names of top-level <c>in</c> blocks and of track-level ones, in file order. Nested track blocks are
    /// searched too: nesting is reported elsewhere (SEQ0316), and a misspelt name inside one is still worth saying.
    /// </summary>
    public static IReadOnlyList<SectionReference> Collect(FileSyntax file)
    {
        var references = new List<SectionReference>();
        foreach (var statement in file.Statements)
        {
            switch (statement)
            {
                case SectionBlockSyntax block:
                    Add(block.Sections, references);
                    break;
                case TrackSyntax track:
                    Walk(track.Items, references);
                    break;
            }
        }
        return references;
    }

    private static void Walk(IReadOnlyList<TrackItemSyntax> items, List<SectionReference> references)
    {
        foreach (var block in items.OfType<InBlockSyntax>())
        {
            Add(block.Sections, references);
            Walk(block.Items, references);
        }
    }

    private static void Add(IReadOnlyList<NameSyntax> names, List<SectionReference> references) =>
        references.AddRange(names.Select(n => new SectionReference(n.Text, n.Span)));
}
