using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>
/// Where a value is read (SPEC §12): the piece's time in bars, the onset's index among the lane's onsets of its bar
/// (for <c>vdc</c>), the lane's random stream, and the section entry playing (for <c>over section</c>).
/// <see cref="DrawTime"/> is where random values draw: the time, or under <c>lock</c> the bar whose dice repeat.
/// <see cref="Harmony"/> gives the chord in force at a time (null without <c>chords</c> or <c>harmony</c>), for <c>melody</c>.
/// </summary>
internal readonly record struct ValueContext(Rational Time, int OnsetIndex, ulong Stream, long EntryStart, long? EntryLength, Rational DrawTime)
{
    public ValueContext(Rational time, int onsetIndex, ulong stream, long entryStart, long? entryLength)
        : this(time, onsetIndex, stream, entryStart, entryLength, time)
    {
    }

    public Func<Rational, SeqLang.Compiler.Harmony.Chord?>? Harmony { get; init; }
}
