namespace SeqLang.Compiler.Lanes;

/// <summary>What a value sets on a note (SPEC §12).</summary>
internal enum ValueTarget : byte
{
    Velocity,
    Legato,
    Probability,
    Transpose,
    Note,
}
