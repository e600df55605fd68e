namespace SeqLang.Compiler.Harmony;

/// <summary>The <c>voicing</c> modifier of SPEC §3: how a chord's tones are laid out (see <see cref="ChordVoicing"/>).</summary>
internal enum Voicing
{
    /// <summary>Root position, stacked from the root.</summary>
    Close,
    /// <summary>Root position with every other tone raised an octave.</summary>
    Open,
    /// <summary>The inversion nearest the previous chord's voicing.</summary>
    Lead,
}
