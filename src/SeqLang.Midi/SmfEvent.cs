using System.Text;

namespace SeqLang.Midi;

/// <summary>
/// One event as read from a file, at its absolute tick. Channel messages carry their data bytes
/// with running status already expanded; meta and sysex events carry their payload. The
/// accessors decode the common fields and throw if asked for a field the kind does not have,
/// so a test that reads the wrong field fails loudly instead of comparing garbage.
/// </summary>
public sealed class SmfEvent
{
    public SmfEvent(long tick, long offset, SmfEventKind kind, int channel, byte metaType, byte[] data)
    {
        Tick = tick;
        Offset = offset;
        Kind = kind;
        Channel = channel;
        MetaType = metaType;
        Data = data;
    }

    public long Tick { get; }

    /// <summary>The byte offset in the file of the event's status byte (or first data byte under running status).</summary>
    public long Offset { get; }

    public SmfEventKind Kind { get; }

    /// <summary>0..15 for channel messages; -1 otherwise.</summary>
    public int Channel { get; }

    /// <summary>The meta type (03 name, 51 tempo, 2F end of track...) for <see cref="SmfEventKind.Meta"/>; 0 otherwise.</summary>
    public byte MetaType { get; }

    /// <summary>Data bytes (channel messages) or the payload (meta, sysex).</summary>
    public byte[] Data { get; }

    public bool IsChannelMessage => Channel >= 0;

    /// <summary>A note-on with a nonzero velocity.</summary>
    public bool IsNoteOn => Kind == SmfEventKind.NoteOn && Data[1] > 0;

    /// <summary>A note-off, or a note-on with velocity 0, which means the same.</summary>
    public bool IsNoteOff => Kind == SmfEventKind.NoteOff || (Kind == SmfEventKind.NoteOn && Data[1] == 0);

    public int Note => Expect(SmfEventKind.NoteOn, SmfEventKind.NoteOff, SmfEventKind.PolyPressure).Data[0];
    public int Velocity => Expect(SmfEventKind.NoteOn, SmfEventKind.NoteOff).Data[1];
    public int Controller => Expect(SmfEventKind.ControlChange).Data[0];
    public int Value => Expect(SmfEventKind.ControlChange).Data[1];
    public int Program => Expect(SmfEventKind.ProgramChange).Data[0];

    /// <summary>Channel pressure, 0..127.</summary>
    public int Pressure => Expect(SmfEventKind.ChannelPressure).Data[0];

    /// <summary>Signed, -8192..8191, 0 being no bend.</summary>
    public int PitchBend => (Expect(SmfEventKind.PitchBend).Data[0] | (Data[1] << 7)) - 8192;

    public bool IsMeta(byte type) => Kind == SmfEventKind.Meta && MetaType == type;

    /// <summary>A text meta event's text (track name FF 03 and the like), decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Expect(SmfEventKind.Meta).Data);

    /// <summary>FF 51's microseconds per quarter note.</summary>
    public int MicrosecondsPerQuarter
    {
        get
        {
            if (!IsMeta(0x51) || Data.Length != 3) throw new InvalidOperationException($"Not a tempo event: {this}.");
            return (Data[0] << 16) | (Data[1] << 8) | Data[2];
        }
    }

    /// <summary>A channel message's status byte (kind and channel).</summary>
    public int Status => IsChannelMessage ? StatusNibble(Kind) | Channel : throw new InvalidOperationException($"Not a channel message: {this}.");

    /// <summary>The wire bytes of a channel message, status first.</summary>
    public byte[] ToChannelBytes()
    {
        var bytes = new byte[Data.Length + 1];
        bytes[0] = (byte)Status;
        Data.CopyTo(bytes, 1);
        return bytes;
    }

    private static int StatusNibble(SmfEventKind kind) => kind switch
    {
        SmfEventKind.NoteOff => 0x80,
        SmfEventKind.NoteOn => 0x90,
        SmfEventKind.PolyPressure => 0xA0,
        SmfEventKind.ControlChange => 0xB0,
        SmfEventKind.ProgramChange => 0xC0,
        SmfEventKind.ChannelPressure => 0xD0,
        SmfEventKind.PitchBend => 0xE0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a channel message kind."),
    };

    private SmfEvent Expect(params SmfEventKind[] kinds) =>
        Array.IndexOf(kinds, Kind) >= 0 ? this : throw new InvalidOperationException($"{Kind} has no such field: {this}.");

    public override string ToString() => Kind switch
    {
        SmfEventKind.Meta => $"{Tick} Meta {MetaType:X2} [{Convert.ToHexString(Data)}]",
        SmfEventKind.SysEx or SmfEventKind.SysExEscape => $"{Tick} {Kind} [{Convert.ToHexString(Data)}]",
        _ => $"{Tick} {Kind} ch{Channel} {string.Join(' ', Data)}",
    };
}
