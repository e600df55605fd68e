using SeqLang.Compiler.Piece;

namespace SeqLang.Midi;

/// <summary>
/// A compiled event as the orderer's messages, for the renderer and the player alike, so that a kind of event
/// added to the compiler is sent the same way to the file and the port.
/// </summary>
public static class PieceEventMessages
{
    /// <summary>The 14-bit wheel position of no bend, as <see cref="PieceEventKind.Bend"/> events give it.</summary>
    public const int BendCentre = 8192;

    /// <summary>Adds <paramref name="e"/>, starting at <paramref name="start"/> (and, a note, ending at <paramref name="end"/>), carrying <paramref name="lane"/>.</summary>
    public static void Add(MessageOrderer orderer, in PieceEvent e, long start, long end, int lane)
    {
        switch (e.Kind)
        {
            case PieceEventKind.Note:
                orderer.AddNote(e.Track, e.Channel, e.Number, e.Value, start, end, lane);
                break;
            case PieceEventKind.Control:
                orderer.AddControlChange(e.Track, e.Channel, start, e.Number, e.Value, lane);
                break;
            case PieceEventKind.Bend:
                // The orderer, like the wire types, counts bend from the centre.
                orderer.AddPitchBend(e.Track, e.Channel, start, e.Value - BendCentre, lane);
                break;
            case PieceEventKind.Pressure:
                orderer.AddChannelPressure(e.Track, e.Channel, start, e.Value, lane);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "An event kind the back ends do not know.");
        }
    }
}
