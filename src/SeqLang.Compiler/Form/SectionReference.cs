using SeqLang.Core.Text;

namespace SeqLang.Compiler.Form;

/// <summary>A section name written in an <c>in</c> block (in a track or at top level), with where it is written.</summary>
internal readonly record struct SectionReference(string Name, SourceSpan Span);
