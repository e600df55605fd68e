namespace SeqLang.Midi;

/// <summary>
/// Collects one track's notes and controller data at tick level and builds the messages in the
/// order SPEC §7 fixes. Equal-tick order matters on real synths: an off before the on of the
/// same pitch keeps a repeated note from being cut; program before notes makes the first
/// note use the right sound; controllers before notes make the first note use the right
/// volume or bend. The order is total (tick, kind, number, channel, insertion), so equal input
/// always gives equal bytes.
/// </summary>
/// <remarks>
/// SPEC §7's rule "a note-on for a pitch still sounding on that channel first ends the earlier
/// note at that tick" is applied here too, so that no key is ever struck while it sounds. Without
/// it, a long note followed by a short one of the same pitch produces on-on-off-off: most synths
/// then cut the second note at the first note's off, and players disagree on which "off" belongs
/// to which "on". Per (channel, pitch), notes starting at the same tick merge into one (the later
/// end, the higher velocity); otherwise an earlier note still sounding when the next one starts
/// is cut at that start, which keeps it at least one tick long because starts are then distinct.
/// <para>
/// <see cref="Build"/> does it in one merge over time rather than by sorting every message:
/// notes are put in (start, pitch, channel) order, which is nearly their order of arrival (see
/// <see cref="NearlySorted"/>); a 16×128 table holds the note last started on each key, for the
/// overlap rule; pending note-offs wait in a min-heap by (tick, pitch, channel); the other
/// messages, sorted on their own, are merged in at their tick.
/// </para>
/// </remarks>
public sealed class MidiTrackBuilder
{
    private NoteEntry[] _notes = new NoteEntry[64];
    private int _noteCount;
    private int _sortedNotes;
    private OtherEntry[] _others = new OtherEntry[8];
    private int _otherCount;
    private int _sortedOthers;
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
        // Validate eagerly, so the bad call is the one in the stack trace rather than Build(); the
        // factory throws exactly what a bad field deserves.
        if ((uint)channel > 15 || (uint)note > 127 || (uint)(velocity - 1) > 126 || startTick < 0)
            _ = MidiChannelMessage.NoteOn(startTick, channel, note, velocity);
        var end = startTick + 1;
        if (endTick > end) end = endTick;
        if (_noteCount == _notes.Length) _notes = Arrays.Grow(_notes, _noteCount);
        _notes[_noteCount++] = new NoteEntry(startTick, end, (short)(note << 4 | channel), (byte)velocity);
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

    /// <summary>Notes added so far.</summary>
    internal int NoteCount => _noteCount;

    /// <summary>Bank, program, controller and pitch-bend messages added so far.</summary>
    internal int OtherCount => _otherCount;

    /// <summary>
    /// Room for <paramref name="notes"/> notes and <paramref name="others"/> other messages in all, so that a
    /// caller who can estimate the total (the renderer, after one bar) spares the builder growing its arrays
    /// step by step: each step copies everything and, at these sizes, allocates on the large object heap.
    /// </summary>
    internal void Reserve(int notes, int others)
    {
        if (notes > _notes.Length) _notes = Arrays.Grow(_notes, _noteCount, notes);
        if (others > _others.Length) _others = Arrays.Grow(_others, _otherCount, others);
    }

    /// <summary>
    /// The messages in wire order, with same-pitch overlaps resolved. The builder is left unchanged
    /// (but for the order it keeps its events in), so it can be built again.
    /// </summary>
    public MidiTrack Build()
    {
        NearlySorted.Sort(_notes, _sortedNotes, _noteCount, default(NoteOrder));
        _sortedNotes = _noteCount;
        NearlySorted.Sort(_others, _sortedOthers, _otherCount, default(OtherOrder));
        _sortedOthers = _otherCount;

        var notes = _notes;
        var noteCount = _noteCount;
        var others = _others;
        var otherCount = _otherCount;
        var messages = new MidiChannelMessage[2 * noteCount + otherCount];
        var count = 0;

        // Per key (pitch << 4 | channel): the index of the note last started there (-1: none yet) and its end.
        var lastStarted = new int[KeyCount];
        Array.Fill(lastStarted, -1);
        var lastEnd = new long[KeyCount];
        var offs = new OffHeap();
        var starting = new Starting[16];

        int n = 0, o = 0;
        while (n < noteCount || o < otherCount || offs.Count > 0)
        {
            var tick = long.MaxValue;
            if (n < noteCount) tick = notes[n].Start;
            if (o < otherCount && others[o].Message.Tick < tick) tick = others[o].Message.Tick;
            if (offs.Count > 0 && offs.Top.Tick < tick) tick = offs.Top.Tick;

            // 1. The notes starting at this tick, in (pitch, channel) order; notes of one key merge, and
            // a note still sounding on a key is cut here (its note-off joins this tick's).
            var startingCount = 0;
            while (n < noteCount && notes[n].Start == tick)
            {
                var key = notes[n].Key;
                var end = notes[n].End;
                var velocity = notes[n].Velocity;
                var index = n++;
                for (; n < noteCount && notes[n].Start == tick && notes[n].Key == key; n++)
                {
                    if (notes[n].End > end) end = notes[n].End;
                    if (notes[n].Velocity > velocity) velocity = notes[n].Velocity;
                }
                if (lastEnd[key] > tick) offs.Push(new Off(tick, key, Off.Cut));
                if (startingCount == starting.Length) starting = Arrays.Grow(starting, startingCount);
                starting[startingCount++] = new Starting(index, end, key, velocity);
            }

            // 2. Note-offs, in (pitch, channel) order. A note's own off is void once a later note of its key cut it.
            while (offs.Count > 0 && offs.Top.Tick == tick)
            {
                var off = offs.Pop();
                if (off.Index != Off.Cut && lastStarted[off.Key] != off.Index) continue;
                messages[count++] = MidiChannelMessage.FromValidated(tick, (byte)(0x80 | (off.Key & 0xF)), (byte)(off.Key >> 4), 0);
            }

            // 3. Bank and program, controllers, pitch bend: already in (rank, number, channel, insertion) order.
            while (o < otherCount && others[o].Message.Tick == tick) messages[count++] = others[o++].Message;

            // 4. Note-ons.
            for (var s = 0; s < startingCount; s++)
            {
                var note = starting[s];
                messages[count++] = MidiChannelMessage.FromValidated(tick, (byte)(0x90 | (note.Key & 0xF)), (byte)(note.Key >> 4), note.Velocity);
                lastStarted[note.Key] = note.Index;
                lastEnd[note.Key] = note.End;
                offs.Push(new Off(note.End, note.Key, note.Index));
            }
        }

        if (count != messages.Length) messages = Arrays.Grow(messages, count, count);
        return new MidiTrack(Name, messages);
    }

    private void Add(MessageRank rank, int number, MidiChannelMessage message)
    {
        if (_otherCount == _others.Length) _others = Arrays.Grow(_others, _otherCount);
        _others[_otherCount++] = new OtherEntry((int)rank << 11 | number << 4 | message.Channel, _sequence++, message);
    }

    /// <summary>Keys (pitch &lt;&lt; 4 | channel): 128 pitches × 16 channels.</summary>
    private const int KeyCount = 128 * 16;

    /// <summary>SPEC §7's order of kinds at one tick.</summary>
    private enum MessageRank
    {
        NoteOff,
        BankAndProgram,
        ControlChange,
        PitchBend,
        NoteOn,
    }

    /// <summary>A note as added (end already at least start + 1); Key is pitch &lt;&lt; 4 | channel, the order within a tick.</summary>
    private readonly record struct NoteEntry(long Start, long End, short Key, byte Velocity);

    private struct NoteOrder : IBefore<NoteEntry>
    {
        public readonly bool Before(in NoteEntry a, in NoteEntry b) => a.Start < b.Start || (a.Start == b.Start && a.Key < b.Key);
    }

    /// <summary>A message other than a note's, with its order within a tick: rank &lt;&lt; 11 | number &lt;&lt; 4 | channel, then insertion.</summary>
    private readonly record struct OtherEntry(int Order, long Sequence, MidiChannelMessage Message);

    private struct OtherOrder : IBefore<OtherEntry>
    {
        public readonly bool Before(in OtherEntry a, in OtherEntry b)
        {
            if (a.Message.Tick != b.Message.Tick) return a.Message.Tick < b.Message.Tick;
            return a.Order != b.Order ? a.Order < b.Order : a.Sequence < b.Sequence;
        }
    }

    /// <summary>A note (or merged notes) starting at the current tick.</summary>
    private readonly record struct Starting(int Index, long End, short Key, byte Velocity);

    /// <summary>A pending note-off: the note's own (Index its index) or one made by a cut (<see cref="Cut"/>).</summary>
    private readonly record struct Off(long Tick, short Key, int Index)
    {
        public const int Cut = -1;
    }

    /// <summary>A binary min-heap of note-offs by (tick, key): as many as notes sound at once, plus cut ones not yet due.</summary>
    private sealed class OffHeap
    {
        private Off[] _items = new Off[64];

        public int Count { get; private set; }

        public Off Top => _items[0];

        public void Push(Off item)
        {
            if (Count == _items.Length) _items = Arrays.Grow(_items, Count);
            var items = _items;
            var i = Count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Before(item, items[parent])) break;
                items[i] = items[parent];
                i = parent;
            }
            items[i] = item;
        }

        public Off Pop()
        {
            var items = _items;
            var top = items[0];
            var last = items[--Count];
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= Count) break;
                if (child + 1 < Count && Before(items[child + 1], items[child])) child++;
                if (!Before(items[child], last)) break;
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return top;
        }

        private static bool Before(in Off a, in Off b) => a.Tick < b.Tick || (a.Tick == b.Tick && a.Key < b.Key);
    }
}
