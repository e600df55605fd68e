namespace SeqLang.Compiler;

/// <summary>Choices made on the command line that change compilation (SPEC §8 <c>--seed</c>).</summary>
public sealed record CompileOptions(long? SeedOverride = null);
