namespace SeqLang.Midi;

/// <summary>
/// A channel message as <see cref="MessageOrderer"/> emits it, in wire order: its tick, the track (file order)
/// and lane (index in its track, -1 for the track's header) it came from, its bytes, and for a note-off the
/// tick of the note-on it ends, so that a player switching versions can tell which notes already sound.
/// </summary>
public readonly record struct OrderedMessage(long Tick, int Track, int Lane, byte Status, byte Data1, byte Data2, long OnTick = 0)
{
    /// <summary>Bytes on the wire: 2 for program change and channel pressure, else 3.</summary>
    public int Length => (Status & 0xE0) == 0xC0 ? 2 : 3;

    public bool IsNoteOn => (Status & 0xF0) == 0x90;

    public bool IsNoteOff => (Status & 0xF0) == 0x80;

    public int Channel => Status & 0x0F;
}
