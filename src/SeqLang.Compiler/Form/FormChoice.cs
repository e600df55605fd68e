using SeqLang.Core.Time;

namespace SeqLang.Compiler.Form;

/// <summary>One way out of a section: the index of the section that follows (in <see cref="FormGraph.Sections"/>) and its relative weight.</summary>
public sealed record FormChoice(int Target, Rational Weight);
