namespace SeqLang.Compiler.Form;

/// <summary>How a piece is arranged into sections (SPEC §5).</summary>
public enum FormKind
{
    /// <summary>The file has no <c>form</c>: one section, <c>main</c>, that never ends.</summary>
    WholePiece,
    /// <summary><c>form { NAME BARS -> ... }</c>: the first section starts; each section says what follows it.</summary>
    Graph,
    /// <summary><c>form A 4, B 8</c>: the sections in order, then the piece ends.</summary>
    Once,
    /// <summary><c>form loop A 4, B 8</c>: the sections in order, forever.</summary>
    Loop,
}
