namespace SeqLang.Midi;

/// <summary>
/// One track's notes and controller data at tick level, in any order, built into the messages in the order
/// SPEC §7 fixes by the one <see cref="MessageOrderer"/>: for callers (tests, tools) that have a whole track
/// at hand rather than bars in time order. The renderer and the player use the orderer itself.
/// </summary>
public sealed class MidiTrackBuilder
{
    private readonly List<Input> _inputs = new();

    public MidiTrackBuilder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// Adds a note sounding over [<paramref name="startTick"/>, <paramref name="endTick"/>).
    /// A note shorter than one tick (end ≤ start, as legato 0 or rounding gives) lasts one tick.
    /// </summary>
    /// <param name="channel">0..15, as on the wire.</param>
    /// <param name="note">0..127.</param>
    /// <param name="velocity">1..127.</param>
    /// <param name="startTick">The note-on's tick, 0 or later.</param>
    /// <param name="endTick">The note-off's tick.</param>
    public MidiTrackBuilder AddNote(int channel, int note, int velocity, long startTick, long endTick)
    {
        // Validated now, so that the bad call is the one in the stack trace rather than Build().
        if ((uint)channel > 15 || (uint)note > 127 || (uint)(velocity - 1) > 126 || startTick < 0)
            _ = MidiChannelMessage.NoteOn(startTick, channel, note, velocity);
        _inputs.Add(new Input(InputKind.Note, channel, startTick, note, velocity, endTick, null, null));
        return this;
    }

    /// <summary>
    /// A program change at <paramref name="tick"/>, preceded by bank select CC 0 (MSB) and then
    /// CC 32 (LSB) when given; see <see cref="MessageOrderer.AddProgramChange"/>.
    /// </summary>
    public MidiTrackBuilder AddProgramChange(int channel, long tick, int program, int? bankMsb = null, int? bankLsb = null)
    {
        if (bankMsb is { } m) _ = MidiChannelMessage.ControlChange(tick, channel, 0, m);
        if (bankLsb is { } l) _ = MidiChannelMessage.ControlChange(tick, channel, 32, l);
        _ = MidiChannelMessage.ProgramChange(tick, channel, program);
        _inputs.Add(new Input(InputKind.Program, channel, tick, program, 0, 0, bankMsb, bankLsb));
        return this;
    }

    /// <summary>Controller <paramref name="controller"/> (0..127) set to <paramref name="value"/> (0..127).</summary>
    public MidiTrackBuilder AddControlChange(int channel, long tick, int controller, int value)
    {
        _ = MidiChannelMessage.ControlChange(tick, channel, controller, value);
        _inputs.Add(new Input(InputKind.Control, channel, tick, controller, value, 0, null, null));
        return this;
    }

    /// <summary>A pitch bend, signed: -8192..8191, 0 being no bend.</summary>
    public MidiTrackBuilder AddPitchBend(int channel, long tick, int value)
    {
        _ = MidiChannelMessage.PitchBend(tick, channel, value);
        _inputs.Add(new Input(InputKind.Bend, channel, tick, 0, value, 0, null, null));
        return this;
    }

    /// <summary>The messages in wire order, with same-pitch overlaps resolved. The builder is left unchanged, so it can be built again.</summary>
    public MidiTrack Build()
    {
        var orderer = new MessageOrderer(1);
        foreach (var input in _inputs)
        {
            switch (input.Kind)
            {
                case InputKind.Note:
                    orderer.AddNote(0, input.Channel, input.Number, input.Value, input.Tick, input.End);
                    break;
                case InputKind.Program:
                    orderer.AddProgramChange(0, input.Channel, input.Tick, input.Number, input.BankMsb, input.BankLsb);
                    break;
                case InputKind.Control:
                    orderer.AddControlChange(0, input.Channel, input.Tick, input.Number, input.Value);
                    break;
                case InputKind.Bend:
                    orderer.AddPitchBend(0, input.Channel, input.Tick, input.Value);
                    break;
            }
        }
        var collector = new MessageList(new List<MidiChannelMessage>(_inputs.Count * 2));
        orderer.EmitTracksBefore(long.MaxValue, ref collector);
        return new MidiTrack(Name, collector.Messages.ToArray());
    }

    private enum InputKind { Note, Program, Control, Bend }

    private readonly record struct Input(InputKind Kind, int Channel, long Tick, int Number, int Value, long End, int? BankMsb, int? BankLsb);

    private readonly struct MessageList(List<MidiChannelMessage> messages) : IOrderedMessageSink
    {
        public List<MidiChannelMessage> Messages => messages;

        public void Write(in OrderedMessage message) =>
            messages.Add(MidiChannelMessage.FromValidated(message.Tick, message.Status, message.Data1, message.Data2));
    }
}
