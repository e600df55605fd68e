namespace SeqLang.Midi;

/// <summary>
/// One channel voice message at an absolute tick: exactly the bytes that go on the wire
/// (status, then one or two data bytes). The factories validate every field, so a message that
/// exists is a message a synthesiser can receive; the renderer and the player both send these.
/// </summary>
public readonly record struct MidiChannelMessage
{
    /// <summary>The signed pitch-bend range: -8192 (down) .. 0 (centre) .. 8191 (up).</summary>
    public const int MinPitchBend = -8192, MaxPitchBend = 8191;

    private MidiChannelMessage(long tick, byte status, byte data1, byte data2)
    {
        if (tick < 0) throw new ArgumentOutOfRangeException(nameof(tick), tick, "A MIDI file cannot hold an event before tick 0.");
        Tick = tick;
        Status = status;
        Data1 = data1;
        Data2 = data2;
    }

    public long Tick { get; }
    public byte Status { get; }
    public byte Data1 { get; }

    /// <summary>The second data byte; 0 and not sent for program change and channel pressure.</summary>
    public byte Data2 { get; }

    public MidiMessageKind Kind => (MidiMessageKind)(Status & 0xF0);

    /// <summary>0..15, as on the wire (channel 1 as printed on instruments is 0).</summary>
    public int Channel => Status & 0x0F;

    /// <summary>Bytes on the wire, status included: 2 for program change and channel pressure, else 3.</summary>
    public int Length => Kind is MidiMessageKind.ProgramChange or MidiMessageKind.ChannelPressure ? 2 : 3;

    /// <summary>Writes the message's wire bytes; returns how many were written.</summary>
    public int CopyTo(Span<byte> destination)
    {
        destination[0] = Status;
        destination[1] = Data1;
        if (Length == 3) destination[2] = Data2;
        return Length;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    public static MidiChannelMessage NoteOn(long tick, int channel, int note, int velocity)
    {
        // Velocity 0 would be a note-off in disguise; the track builder relies on every note-on sounding.
        if (velocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(velocity), velocity, "A note-on velocity must be 1..127.");
        return Make(tick, MidiMessageKind.NoteOn, channel, SevenBit(note, nameof(note)), (byte)velocity);
    }

    /// <summary>A note-off as 0x80 with release velocity 0 (never note-on velocity 0: readers treat 0x80 the same everywhere).</summary>
    public static MidiChannelMessage NoteOff(long tick, int channel, int note) =>
        Make(tick, MidiMessageKind.NoteOff, channel, SevenBit(note, nameof(note)), 0);

    public static MidiChannelMessage ControlChange(long tick, int channel, int controller, int value) =>
        Make(tick, MidiMessageKind.ControlChange, channel, SevenBit(controller, nameof(controller)), SevenBit(value, nameof(value)));

    public static MidiChannelMessage ProgramChange(long tick, int channel, int program) =>
        Make(tick, MidiMessageKind.ProgramChange, channel, SevenBit(program, nameof(program)), 0);

    /// <summary>A pitch bend from a signed value, -8192..8191, 0 being no bend.</summary>
    public static MidiChannelMessage PitchBend(long tick, int channel, int value)
    {
        if (value is < MinPitchBend or > MaxPitchBend)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Pitch bend must be {MinPitchBend}..{MaxPitchBend}.");
        var raw = value - MinPitchBend; // 0..16383, 8192 = centre
        return Make(tick, MidiMessageKind.PitchBend, channel, (byte)(raw & 0x7F), (byte)(raw >> 7));
    }

    /// <summary>Channel pressure (aftertouch for the whole channel), 0..127: one data byte on the wire.</summary>
    public static MidiChannelMessage ChannelPressure(long tick, int channel, int value) =>
        Make(tick, MidiMessageKind.ChannelPressure, channel, SevenBit(value, nameof(value)), 0);

    /// <summary>
    /// A channel message from wire bytes (a recording of what was sent): false unless <paramref name="status"/> is
    /// a channel status (0x80..0xEF) and the data bytes it uses are 0..127. <paramref name="data2"/> is ignored
    /// (stored as 0) for program change and channel pressure. Unlike <see cref="NoteOn"/>, a note-on with velocity
    /// 0 is kept as sent.
    /// </summary>
    public static bool TryFromBytes(long tick, byte status, byte data1, byte data2, out MidiChannelMessage message)
    {
        message = default;
        if (tick < 0 || status is < 0x80 or > 0xEF || data1 > 0x7F) return false;
        var kind = (MidiMessageKind)(status & 0xF0);
        if (kind is MidiMessageKind.ProgramChange or MidiMessageKind.ChannelPressure) data2 = 0;
        else if (data2 > 0x7F) return false;
        message = new MidiChannelMessage(tick, status, data1, data2);
        return true;
    }

    /// <summary>
    /// A message from fields the caller has already validated (the track builder checks notes when
    /// they are added): no checks but the tick's, for the hot loop that makes every message of a track.
    /// </summary>
    internal static MidiChannelMessage FromValidated(long tick, byte status, byte data1, byte data2) => new(tick, status, data1, data2);

    private static MidiChannelMessage Make(long tick, MidiMessageKind kind, int channel, byte data1, byte data2)
    {
        if (channel is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(channel), channel, "A MIDI channel on the wire is 0..15.");
        return new MidiChannelMessage(tick, (byte)((byte)kind | channel), data1, data2);
    }

    private static byte SevenBit(int value, string name) =>
        value is >= 0 and <= 127 ? (byte)value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0..127.");

    public override string ToString() => Kind switch
    {
        MidiMessageKind.ProgramChange or MidiMessageKind.ChannelPressure => $"{Tick} {Kind} ch{Channel} {Data1}",
        _ => $"{Tick} {Kind} ch{Channel} {Data1} {Data2}",
    };
}
