using SeqLang.Core.Time;

namespace SeqLang.Compiler.Grooves;

/// <summary>
/// What SeqLang takes from an Ableton groove file (<c>.agr</c>): the onsets and velocities of its clip's
/// notes, in beats from the start of the clip's loop, sorted by time, and the loop's length in beats.
/// </summary>
/// <param name="Notes">The clip's enabled notes within the loop, earliest first (ties in file order).</param>
/// <param name="Length">The loop's length in beats, more than 0 and at most <see cref="MaxLength"/>; the groove repeats after it.</param>
internal sealed record AgrGroove(IReadOnlyList<AgrGroove.Note> Notes, Rational Length)
{
    /// <summary>The longest loop read, in beats: 256 bars of 4/4, far beyond any groove, and small enough that rounding stays in range.</summary>
    public const int MaxLength = 1024;

    /// <summary>One note of the groove clip: its onset in beats and its MIDI velocity (0..127).</summary>
    internal readonly record struct Note(Rational Time, int Velocity);

    /// <summary>
    /// The same groove with every time rounded to the nearest 1/<paramref name="perBeat"/> of a beat
    /// (halves away from zero). Ableton writes times such as 0.284999895937395942, whose exact
    /// denominators near 10^18 overflow <see cref="Rational"/>'s checked arithmetic in the first sum with
    /// another such time; rounding to far below a tick first keeps the groove's arithmetic in range.
    /// </summary>
    public AgrGroove RoundedTo(long perBeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perBeat, 1);
        var notes = Notes.Select(n => n with { Time = Round(n.Time, perBeat) }).ToArray();
        return new AgrGroove(notes, Round(Length, perBeat));
    }

    private static Rational Round(Rational value, long perBeat)
    {
        var scaled = (Int128)value.Numerator * perBeat;
        var twice = 2 * scaled + (scaled < 0 ? -value.Denominator : value.Denominator);
        var steps = twice / (2 * (Int128)value.Denominator);
        return new Rational(checked((long)steps), perBeat);
    }
}
