using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>A checked <c>markov NAME { ... }</c>: its states in the order first written, and each state's ways out with their weights.</summary>
internal sealed record MarkovChain(string Name, (string Text, SourceSpan Span)[] States, (int To, Rational Weight)[][] Transitions);
