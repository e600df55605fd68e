namespace SeqLang.Midi;

/// <summary>
/// Collects one track's notes and controller data at tick level and builds the messages in the
/// order SPEC §7 fixes. Equal-tick order matters on real synths: an off before the on of the
/// same pitch keeps a repeated note from being cut; program before notes makes the first
/// note use the right sound; controllers before notes make the first note use the right
/// volume or bend. The order is total (tick, kind, number, channel, insertion), so equal input
/// always gives equal bytes.
/// </summary>
public sealed class MidiTrackBuilder
{
    private readonly List<MidiNote> _notes = new();
    private readonly List<RankedMessage> _messages = new();
    private long _sequence;

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
        // Validate eagerly, so the bad call is the one in the stack trace rather than Build().
        _ = MidiChannelMessage.NoteOn(startTick, channel, note, velocity);
        var end = Math.Max(endTick, startTick + 1);
        _notes.Add(new MidiNote(channel, note, velocity, startTick, end, _sequence++));
        return this;
    }

    /// <summary>
    /// A program change at <paramref name="tick"/>, preceded by bank select CC 0 (MSB) and then
    /// CC 32 (LSB) when given. A bank select only takes effect at the next program change, so the
    /// three stay together, in that order, ahead of any other controller at that tick.
    /// </summary>
    public MidiTrackBuilder AddProgramChange(int channel, long tick, int program, int? bankMsb = null, int? bankLsb = null)
    {
        // Every message is made (and validated) before any is added, so a bad LSB adds nothing.
        MidiChannelMessage? msb = bankMsb is { } m ? MidiChannelMessage.ControlChange(tick, channel, 0, m) : null;
        MidiChannelMessage? lsb = bankLsb is { } l ? MidiChannelMessage.ControlChange(tick, channel, 32, l) : null;
        var change = MidiChannelMessage.ProgramChange(tick, channel, program);
        if (msb is { } bankHigh) Add(MessageRank.BankAndProgram, 0, bankHigh);
        if (lsb is { } bankLow) Add(MessageRank.BankAndProgram, 0, bankLow);
        Add(MessageRank.BankAndProgram, 0, change);
        return this;
    }

    /// <summary>Controller <paramref name="controller"/> (0..127) set to <paramref name="value"/> (0..127).</summary>
    public MidiTrackBuilder AddControlChange(int channel, long tick, int controller, int value)
    {
        var message = MidiChannelMessage.ControlChange(tick, channel, controller, value);
        Add(MessageRank.ControlChange, controller, message);
        return this;
    }

    /// <summary>A pitch bend, signed: -8192..8191, 0 being no bend.</summary>
    public MidiTrackBuilder AddPitchBend(int channel, long tick, int value)
    {
        Add(MessageRank.PitchBend, 0, MidiChannelMessage.PitchBend(tick, channel, value));
        return this;
    }

    /// <summary>
    /// The messages in wire order, with same-pitch overlaps resolved (see
    /// <see cref="SamePitchOverlapResolver"/>). The builder is left unchanged, so it can be built again.
    /// </summary>
    public MidiTrack Build()
    {
        var all = new List<RankedMessage>(_messages.Count + 2 * _notes.Count);
        all.AddRange(_messages);
        foreach (var note in SamePitchOverlapResolver.Resolve(_notes))
        {
            all.Add(new RankedMessage(MessageRank.NoteOff, note.Note, note.Sequence, MidiChannelMessage.NoteOff(note.EndTick, note.Channel, note.Note)));
            all.Add(new RankedMessage(MessageRank.NoteOn, note.Note, note.Sequence, MidiChannelMessage.NoteOn(note.StartTick, note.Channel, note.Note, note.Velocity)));
        }
        all.Sort(RankedMessage.Compare);

        var messages = new MidiChannelMessage[all.Count];
        for (var i = 0; i < messages.Length; i++) messages[i] = all[i].Message;
        return new MidiTrack(Name, messages);
    }

    private void Add(MessageRank rank, int number, MidiChannelMessage message) =>
        _messages.Add(new RankedMessage(rank, number, _sequence++, message));

    /// <summary>SPEC §7's order of kinds at one tick.</summary>
    private enum MessageRank
    {
        NoteOff,
        BankAndProgram,
        ControlChange,
        PitchBend,
        NoteOn,
    }

    /// <summary>A message with its sort key; Number is the note or controller number, 0 where a kind has none.</summary>
    private readonly record struct RankedMessage(MessageRank Rank, int Number, long Sequence, MidiChannelMessage Message)
    {
        public static int Compare(RankedMessage a, RankedMessage b)
        {
            var c = a.Message.Tick.CompareTo(b.Message.Tick);
            if (c != 0) return c;
            c = a.Rank.CompareTo(b.Rank);
            if (c != 0) return c;
            c = a.Number.CompareTo(b.Number);
            if (c != 0) return c;
            c = a.Message.Channel.CompareTo(b.Message.Channel);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        }
    }
}
