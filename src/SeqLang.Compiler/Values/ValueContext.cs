using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>
/// Where a value is read (SPEC §12): the piece's time in bars, the onset's index among the lane's onsets of its bar
/// (for <c>vdc</c>), the lane's random stream, and the section entry playing (for <c>over section</c>).
/// </summary>
internal readonly record struct ValueContext(Rational Time, int OnsetIndex, ulong Stream, long EntryStart, long? EntryLength);
