namespace SeqLang.Midi;

/// <summary>
/// One MTrk's content, ready to write: a name and channel messages already in wire order
/// (ascending tick, and SPEC §7's order at equal ticks). Built by <see cref="MidiTrackBuilder"/>,
/// which is what guarantees that order; the writer only checks that ticks never go back.
/// </summary>
public sealed class MidiTrack
{
    public MidiTrack(string name, IReadOnlyList<MidiChannelMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(messages);
        // An array (what the builder makes) is checked without an interface call per message.
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
        Messages = messages;
    }

    private static ArgumentException OutOfOrder(IReadOnlyList<MidiChannelMessage> messages, int i) =>
        new($"Messages must be in tick order: message {i} at tick {messages[i].Tick} follows tick {messages[i - 1].Tick}.", nameof(messages));

    /// <summary>The track name written as FF 03 at tick 0.</summary>
    public string Name { get; }

    public IReadOnlyList<MidiChannelMessage> Messages { get; }

    /// <summary>The tick of the last message, or 0 for an empty track.</summary>
    public long LastTick => Messages.Count == 0 ? 0 : Messages[^1].Tick;
}
