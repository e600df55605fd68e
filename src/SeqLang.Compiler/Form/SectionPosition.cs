namespace SeqLang.Compiler.Form;

/// <summary>
/// Where a bar falls in the form: the entry it belongs to and its 1-based bar within that entry, so bar 12 may
/// read <c>verse 3/8</c> (<see cref="ToString"/>).
/// </summary>
public readonly record struct SectionPosition(SectionEntry Entry, long BarInSection)
{
    public string Section => Entry.Section;

    /// <summary>The section's length in bars; null for the endless <c>main</c> of a file with no form.</summary>
    public long? Length => Entry.Length;

    public override string ToString() => Length is { } n ? $"{Section} {BarInSection}/{n}" : $"{Section} {BarInSection}";
}
