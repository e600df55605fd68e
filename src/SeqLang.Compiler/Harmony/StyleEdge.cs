namespace SeqLang.Compiler.Harmony;

/// <summary>A move of a style's chord graph to the chord at index <see cref="To"/>, with a whole-number weight (its odds against the other moves).</summary>
public readonly record struct StyleEdge(int To, int Weight);
