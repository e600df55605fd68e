namespace SeqLang.Midi;

/// <summary>
/// The one place that puts a piece's channel messages in wire order (SPEC §7), used by the file renderer and
/// the player alike, so that the file and the port get the same messages. Incremental: add a bar's notes and
/// controllers, then emit everything before a tick; what is emitted is final because notes added later start
/// at or after that tick. Within a track the order is <see cref="TrackOrder"/>'s; across tracks, at one tick,
/// file order.
/// </summary>
/// <remarks>
/// The orderer orders what it is given: lanes that do not sound (muted in the file or live) are left out by
/// the caller, so that a muted note never cuts or merges with one that sounds.
/// </remarks>
public sealed class MessageOrderer
{
    private readonly TrackOrder[] _tracks;
    private OrderedMessage[] _window = new OrderedMessage[256];
    private int[] _windowStart = [];
    private int[] _cursor = [];
    private long _emittedBefore = long.MinValue;
    // Per track and channel, the bend in force after every bend added, for CentreBends; made with the first bend.
    private LastBend[]? _bends;

    public MessageOrderer(int trackCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trackCount);
        _tracks = new TrackOrder[trackCount];
        for (var i = 0; i < trackCount; i++) _tracks[i] = new TrackOrder();
    }

    public int TrackCount => _tracks.Length;

    /// <summary>
    /// A note sounding over [<paramref name="start"/>, <paramref name="end"/>); one that would be shorter than a
    /// tick (legato 0, rounding) lasts one tick. <paramref name="lane"/> is carried to the messages.
    /// </summary>
    public void AddNote(int track, int channel, int pitch, int velocity, long start, long end, int lane = -1)
    {
        // Validated as the message factories do, so that a bad call is the one in the stack trace.
        if ((uint)channel > 15 || (uint)pitch > 127 || (uint)(velocity - 1) > 126 || start < 0)
            _ = MidiChannelMessage.NoteOn(start, channel, pitch, velocity);
        CheckNotEmitted(start);
        _tracks[track].AddNote(channel, pitch, velocity, start, end, lane);
    }

    /// <summary>Controller <paramref name="controller"/> (0..127) set to <paramref name="value"/> (0..127).</summary>
    public void AddControlChange(int track, int channel, long tick, int controller, int value, int lane = -1)
    {
        var message = MidiChannelMessage.ControlChange(tick, channel, controller, value);
        Add(track, Rank.ControlChange, controller, message, lane);
    }

    /// <summary>
    /// A program change, preceded by bank select CC 0 (MSB) and then CC 32 (LSB) when given: a bank select only
    /// takes effect at the next program change, so the three stay together, in that order, ahead of any other
    /// controller at that tick.
    /// </summary>
    public void AddProgramChange(int track, int channel, long tick, int program, int? bankMsb = null, int? bankLsb = null, int lane = -1)
    {
        // Every message is made (and validated) before any is added, so a bad LSB adds nothing.
        MidiChannelMessage? msb = bankMsb is { } m ? MidiChannelMessage.ControlChange(tick, channel, 0, m) : null;
        MidiChannelMessage? lsb = bankLsb is { } l ? MidiChannelMessage.ControlChange(tick, channel, 32, l) : null;
        var change = MidiChannelMessage.ProgramChange(tick, channel, program);
        if (msb is { } high) Add(track, Rank.BankAndProgram, 0, high, lane);
        if (lsb is { } low) Add(track, Rank.BankAndProgram, 0, low, lane);
        Add(track, Rank.BankAndProgram, 0, change, lane);
    }

    /// <summary>A pitch bend, signed: -8192..8191, 0 being no bend.</summary>
    public void AddPitchBend(int track, int channel, long tick, int value, int lane = -1)
    {
        Add(track, Rank.PitchBend, 0, MidiChannelMessage.PitchBend(tick, channel, value), lane);
        _bends ??= new LastBend[_tracks.Length * 16];
        // At one tick the later bend of a channel goes out later (same rank and number), so it is the one left in force.
        ref var last = ref _bends[track * 16 + channel];
        if (!last.Sent || tick >= last.Tick) last = new LastBend(true, tick, value);
    }

    /// <summary>Channel pressure (aftertouch), 0..127.</summary>
    public void AddChannelPressure(int track, int channel, long tick, int value, int lane = -1) =>
        Add(track, Rank.ChannelPressure, 0, MidiChannelMessage.ChannelPressure(tick, channel, value), lane);

    /// <summary>
    /// RPN 0 (pitch-bend sensitivity) = <paramref name="semitones"/> (SPEC §13): CC 101 0, CC 100 0, CC 6 R, CC 38 0,
    /// then the null RPN (CC 101 127, CC 100 127), so that a later data entry cannot change the range. The six stay
    /// in this order, after bank and program and ahead of every other controller at their tick: ordered among
    /// controllers by number they would come apart, and a synth would then set whatever RPN CC 100/101 left selected.
    /// </summary>
    public void AddBendRange(int track, int channel, long tick, int semitones, int lane = -1)
    {
        ReadOnlySpan<(int Controller, int Value)> block = [(101, 0), (100, 0), (6, semitones), (38, 0), (101, 127), (100, 127)];
        // Every message is made (and validated) before any is added, so a bad range adds nothing.
        Span<MidiChannelMessage> messages = stackalloc MidiChannelMessage[6];
        for (var i = 0; i < block.Length; i++) messages[i] = MidiChannelMessage.ControlChange(tick, channel, block[i].Controller, block[i].Value);
        foreach (var message in messages) Add(track, Rank.BendRange, 0, message, lane);
    }

    /// <summary>
    /// A pitch bend back to the centre at <paramref name="tick"/> (or at the channel's last bend, if later) on every
    /// channel of every track whose last bend added is off-centre: the end of a piece (SPEC §13), so that the
    /// synthesiser is not left detuned for whatever plays next.
    /// </summary>
    public void CentreBends(long tick)
    {
        if (_bends is not { } bends) return;
        for (var i = 0; i < bends.Length; i++)
        {
            if (!bends[i].Sent || bends[i].Value == 0) continue;
            AddPitchBend(i / 16, i % 16, Math.Max(tick, bends[i].Tick), 0);
        }
    }

    /// <summary>
    /// A note already sounding, its note-on sent before this orderer began (by a version of the piece it
    /// replaces): its note-off comes at <paramref name="end"/>, or earlier where a note of its key starts.
    /// </summary>
    public void Carry(int track, int channel, int pitch, long onTick, long end, int lane = -1)
    {
        if ((uint)channel > 15 || (uint)pitch > 127) _ = MidiChannelMessage.NoteOff(Math.Max(0, end), channel, pitch);
        CheckNotEmitted(end);
        _tracks[track].Carry(channel, pitch, onTick, end, lane);
    }

    /// <summary>Emits, in wire order and track by track, every message before <paramref name="horizon"/>: each track's messages in order, one track after another.</summary>
    public void EmitTracksBefore<TSink>(long horizon, ref TSink sink) where TSink : IOrderedMessageSink
    {
        for (var t = 0; t < _tracks.Length; t++) _tracks[t].EmitBefore(horizon, t, ref sink);
        Emitted(horizon);
    }

    /// <summary>Emits every message before <paramref name="horizon"/> in wire order across tracks: by tick, then file order of tracks.</summary>
    public void EmitBefore<TSink>(long horizon, ref TSink sink) where TSink : IOrderedMessageSink
    {
        // Each track's messages go to the window, then a merge by (tick, track) passes them on.
        var collector = new WindowCollector(this);
        if (_windowStart.Length != _tracks.Length + 1) _windowStart = new int[_tracks.Length + 1];
        for (var t = 0; t < _tracks.Length; t++)
        {
            _windowStart[t] = collector.Count;
            _tracks[t].EmitBefore(horizon, t, ref collector);
        }
        _windowStart[_tracks.Length] = collector.Count;
        Emitted(horizon);
        Merge(collector.Count, ref sink);
    }

    private void Merge<TSink>(int count, ref TSink sink) where TSink : IOrderedMessageSink
    {
        var window = _window;
        var heads = _windowStart;
        var tracks = _tracks.Length;
        // Few tracks sound in one window; a linear pick of the earliest head is cheaper than a heap.
        if (_cursor.Length != tracks) _cursor = new int[tracks];
        var cursor = _cursor;
        for (var t = 0; t < tracks; t++) cursor[t] = heads[t];
        for (var emitted = 0; emitted < count; emitted++)
        {
            var best = -1;
            var bestTick = long.MaxValue;
            for (var t = 0; t < tracks; t++)
            {
                if (cursor[t] < heads[t + 1] && window[cursor[t]].Tick < bestTick)
                {
                    best = t;
                    bestTick = window[cursor[t]].Tick;
                }
            }
            sink.Write(window[cursor[best]++]);
        }
    }

    private void Emitted(long horizon)
    {
        if (horizon > _emittedBefore) _emittedBefore = horizon;
    }

    private void CheckNotEmitted(long tick)
    {
        if (tick < _emittedBefore)
            throw new InvalidOperationException($"A message at tick {tick} comes after everything before tick {_emittedBefore} was emitted.");
    }

    private void Add(int track, Rank rank, int number, MidiChannelMessage message, int lane)
    {
        CheckNotEmitted(message.Tick);
        _tracks[track].AddOther(message.Tick, (int)rank << 11 | number << 4 | message.Channel, message.Status, message.Data1, message.Data2, lane);
    }

    /// <summary>
    /// SPEC §7's order of kinds at one tick, with §13's: the bend range right after bank and program, so that it is
    /// set before any bend; pressure, like bend, before the note-ons it is meant to shape.
    /// </summary>
    private enum Rank
    {
        NoteOff,
        BankAndProgram,
        BendRange,
        ControlChange,
        PitchBend,
        ChannelPressure,
        NoteOn,
    }

    /// <summary>A channel's last bend added (Sent false: none yet), signed, at its tick.</summary>
    private readonly record struct LastBend(bool Sent, long Tick, int Value);

    /// <summary>Collects each track's emitted messages into the orderer's window, for the merge.</summary>
    private struct WindowCollector(MessageOrderer owner) : IOrderedMessageSink
    {
        public int Count;

        public void Write(in OrderedMessage message)
        {
            if (Count == owner._window.Length) owner._window = Arrays.Grow(owner._window, Count);
            owner._window[Count++] = message;
        }
    }
}
