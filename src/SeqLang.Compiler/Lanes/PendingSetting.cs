using SeqLang.Compiler.Values;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// A modifier whose value is a signal, waiting for the note's final onset (SPEC §12: a lane's <c>fast 2</c> makes
/// more onsets but never speeds up its signals). <see cref="Atoms"/> reads a rounded value as an atom for <c>n</c>,
/// starting at <see cref="AtomBase"/>. <see cref="Salt"/> draws <c>prob</c>'s dice.
/// </summary>
internal sealed record PendingSetting(ValueTarget Target, ValueExpression Value, ulong Stream, ulong Salt, Atom[]? Atoms = null, long AtomBase = 0);
