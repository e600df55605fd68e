using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

public enum PieceEventKind : byte
{
    Note,
    /// <summary>Controller <see cref="PieceEvent.Number"/> set to <see cref="PieceEvent.Value"/> (0..127).</summary>
    Control,
    /// <summary>Pitch bend: <see cref="PieceEvent.Value"/> is the 14-bit wheel position (0..16383, 8192 centre); Number is 0.</summary>
    Bend,
    /// <summary>Channel pressure (aftertouch): <see cref="PieceEvent.Value"/> 0..127; Number is 0.</summary>
    Pressure,
}

/// <summary>
/// One compiled event, in exact time (cycles from the start of the piece). For a note, <see cref="Number"/>
/// is the pitch and <see cref="Value"/> the velocity; for a controller, the controller number and its value.
/// <see cref="Channel"/> is 0..15. Both back ends consume these: the renderer rounds them to ticks, the
/// player to clock times.
/// </summary>
public readonly record struct PieceEvent(
    PieceEventKind Kind,
    int Track,
    int Lane,
    int Channel,
    int Number,
    int Value,
    Rational Begin,
    Rational End,
    long Bar);
