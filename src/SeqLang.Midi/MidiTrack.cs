namespace SeqLang.Midi;

/// <summary>
/// One MTrk's content, ready to write: a name and channel messages already in wire order
/// (ascending tick, and SPEC §7's order at equal ticks). The renderer makes it as the encoded chunk itself
/// (see <see cref="MessageOrderer"/>), and its messages are read back from the bytes only when asked for;
/// a track made from messages is checked that ticks never go back.
/// </summary>
public sealed class MidiTrack
{
    private IReadOnlyList<MidiChannelMessage>? _messages;
    private readonly long _lastTick;

    public MidiTrack(string name, IReadOnlyList<MidiChannelMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(messages);
        // An array is checked without an interface call per message.
        if (messages is MidiChannelMessage[] array)
        {
            for (var i = 1; i < array.Length; i++)
            {
                if (array[i].Tick < array[i - 1].Tick) throw OutOfOrder(messages, i);
            }
        }
        else
        {
            for (var i = 1; i < messages.Count; i++)
            {
                if (messages[i].Tick < messages[i - 1].Tick) throw OutOfOrder(messages, i);
            }
        }
        Name = name;
        _messages = messages;
        _lastTick = messages.Count == 0 ? 0 : messages[^1].Tick;
        MessageCount = messages.Count;
        foreach (var message in messages)
        {
            if (message.Kind == MidiMessageKind.NoteOn && message.Data2 > 0) NoteCount++;
        }
    }

    /// <summary>A track already encoded: <paramref name="chunk"/> holds its name, its messages and its end of track.</summary>
    internal MidiTrack(string name, TrackChunkWriter chunk, long lastTick, int messageCount, long noteCount)
    {
        Name = name;
        Chunk = chunk;
        _lastTick = lastTick;
        MessageCount = messageCount;
        NoteCount = noteCount;
    }

    private static ArgumentException OutOfOrder(IReadOnlyList<MidiChannelMessage> messages, int i) =>
        new($"Messages must be in tick order: message {i} at tick {messages[i].Tick} follows tick {messages[i - 1].Tick}.", nameof(messages));

    /// <summary>The track name written as FF 03 at tick 0.</summary>
    public string Name { get; }

    public IReadOnlyList<MidiChannelMessage> Messages => _messages ??= Decode(Chunk!.Body, MessageCount);

    /// <summary>How many channel messages the track holds.</summary>
    public int MessageCount { get; }

    /// <summary>How many notes the track plays (note-ons with a velocity).</summary>
    public long NoteCount { get; }

    /// <summary>The tick of the last message, or 0 for an empty track.</summary>
    public long LastTick => _lastTick;

    /// <summary>The whole chunk as the renderer encoded it (name, messages, end of track), or null for a track made from messages.</summary>
    internal TrackChunkWriter? Chunk { get; }

    /// <summary>The channel messages of a chunk body this library wrote: delta, then status and data, meta events skipped.</summary>
    private static MidiChannelMessage[] Decode(ReadOnlySpan<byte> body, int count)
    {
        var messages = new MidiChannelMessage[count];
        var n = 0;
        long tick = 0;
        var at = 0;
        while (at < body.Length)
        {
            tick += ReadQuantity(body, ref at);
            var status = body[at++];
            if (status == 0xFF)
            {
                at++; // the meta event's type
                var length = (int)ReadQuantity(body, ref at);
                at += length;
                continue;
            }
            var data1 = body[at++];
            byte data2 = 0;
            if ((status & 0xE0) != 0xC0) data2 = body[at++];
            messages[n++] = MidiChannelMessage.FromValidated(tick, status, data1, data2);
        }
        return messages;
    }

    private static long ReadQuantity(ReadOnlySpan<byte> bytes, ref int at)
    {
        long value = 0;
        byte b;
        do
        {
            b = bytes[at++];
            value = value << 7 | (uint)(b & 0x7F);
        }
        while ((b & 0x80) != 0);
        return value;
    }
}
