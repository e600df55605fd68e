using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary><c>strum S [down]</c> (SPEC §14): the k-th note of a chord, lowest first (highest with <see cref="Down"/>), starts k·S bars late; all end together.</summary>
public sealed record StrumSpec(Rational Step, bool Down);
