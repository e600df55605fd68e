using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The value of one lane event: what the atom was, and what the modifiers have done to it so far.
/// A struct so that querying a bar allocates per event no more than the hap itself.
/// </summary>
public readonly record struct LaneNote(Atom Atom, int Velocity, Rational Legato, int Transpose, int Channel, bool Silent = false, Rational? FeelOffset = null,
    PendingValues? Pending = null, Rational? DrawOffset = null)
{
    // FeelOffset: how far swing and humanize moved the onset (summed). Feel changes timing, never pitch, so
    // root, chord and tones look the chord up where the event stood before (onset − FeelOffset). An offset
    // rather than a time, so that modifiers applied later (shift, every) carry it along.
    // Pending: settings whose value is a signal, read once the note's final onset is known (SPEC §12).
    // DrawOffset: how far lock moved the note from the bar whose dice it replays; random values draw at onset − DrawOffset.

    public int VelocityOrAccent => Atom.Accent ? 127 : Velocity;
}
