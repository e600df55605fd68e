namespace SeqLang.Compiler.Form;

/// <summary>
/// One entry into a section: the <see cref="Ordinal"/>-th since the start of the piece (0-based), beginning at bar
/// <see cref="Start"/> and lasting <see cref="Length"/> bars (null for the endless <c>main</c> of a file with no form).
/// <see cref="EarlierEntries"/> counts the entries into a section of the same name before this one; a section that
/// repeats itself is entered again on each repeat. <see cref="SectionIndex"/> is the node in <see cref="FormGraph.Sections"/>.
/// </summary>
public readonly record struct SectionEntry(string Section, int SectionIndex, long Ordinal, long EarlierEntries, long Start, long? Length)
{
    /// <summary>The first bar after the entry, or null when it never ends.</summary>
    public long? End => Start + Length;
}
