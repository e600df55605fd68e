namespace SeqLang.Compiler;

/// <summary>Choices made on the command line that change compilation (SPEC §8 <c>--seed</c>).</summary>
/// <param name="SeedOverride">The seed given on the command line, over the file's.</param>
/// <param name="DiagnosticsOnly">
/// The compilation is read for its diagnostics alone (<c>seq check</c>): every lane is compiled and checked as for a
/// render, with the same diagnostics, but its pattern is let go as soon as it is built, and there is no piece. A large
/// file's patterns are most of what a compilation holds, and holding them is most of what checking it costs.
/// </param>
public sealed record CompileOptions(long? SeedOverride = null, bool DiagnosticsOnly = false);
