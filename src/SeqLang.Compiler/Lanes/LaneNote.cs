using SeqLang.Core.Time;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The value of one lane event: what the atom was, and what the modifiers have done to it so far.
/// A struct so that querying a bar allocates per event no more than the hap itself.
/// </summary>
public readonly record struct LaneNote(Atom Atom, int Velocity, Rational Legato, int Transpose, int Channel, bool Silent = false)
{
    public int VelocityOrAccent => Atom.Accent ? 127 : Velocity;
}
