namespace SeqLang.Midi;

/// <summary>
/// One track's messages not yet emitted, and what decides their order (SPEC §7, §13): at one tick note-offs, then
/// bank and program, the bend range (RPN 0), controllers, pitch bend, channel pressure, then note-ons; offs and ons by pitch then channel, the others by
/// number, channel and insertion. A note lasts at least one tick; notes of one key (pitch and channel)
/// starting at one tick merge (the later end, the higher velocity); a note-on for a key still sounding ends
/// the earlier note at that tick, so no key is struck while it sounds.
/// </summary>
/// <remarks>
/// Incremental: <see cref="EmitBefore"/> emits every message before a tick and keeps the rest, which is final
/// as long as notes added later start at or after that tick (a later note can only cut or merge with notes
/// sounding at its start). Notes wait in (start, key) order, which is nearly their order of arrival (see
/// <see cref="NearlySorted"/>); per key the note last started and its end, for the overlap rule; pending
/// note-offs in a min-heap by (tick, key); the other messages, sorted on their own, merge in at their tick.
/// </remarks>
internal sealed class TrackOrder
{
    private NoteEntry[] _notes = new NoteEntry[16];
    private int _noteCount;
    private int _sortedNotes;
    private OtherEntry[] _others = new OtherEntry[8];
    private int _otherCount;
    private int _sortedOthers;
    private long _sequence;
    private long _nextNoteId = 1;
    private Starting[] _starting = new Starting[16];
    private readonly OffHeap _offs = new();
    // Per key, allocated with the first note: the note last started there (0: none), its end, on tick and lane.
    // Per channel, 128 keys, made on a channel's first note: a track uses one or two of its 16 channels, and a
    // table of all 2,048 keys was 64 KB of fresh pages per track (a measurable part of a 4-bar render).
    private readonly KeyState[]?[] _keys = new KeyState[]?[16];

    public void AddNote(int channel, int pitch, int velocity, long start, long end, int lane)
    {
        if (end <= start) end = start + 1;
        if (_noteCount == _notes.Length) _notes = Arrays.Grow(_notes, _noteCount);
        _notes[_noteCount++] = new NoteEntry(start, end, (short)(pitch << 4 | channel), (byte)velocity, lane);
    }

    /// <summary>A bank, program, controller, pitch-bend or pressure message; <paramref name="order"/> is its rank, number and channel.</summary>
    public void AddOther(long tick, int order, byte status, byte data1, byte data2, int lane)
    {
        if (_otherCount == _others.Length) _others = Arrays.Grow(_others, _otherCount);
        _others[_otherCount++] = new OtherEntry(tick, order, _sequence++, status, data1, data2, lane);
    }

    /// <summary>A note whose note-on went out elsewhere (a version played before): only its note-off is emitted, at its end or where a new note of its key cuts it.</summary>
    public void Carry(int channel, int pitch, long onTick, long end, int lane)
    {
        var key = (short)(pitch << 4 | channel);
        var id = _nextNoteId++;
        ref var state = ref Key(key);
        if (state.Id != 0 && state.End > end) end = state.End;
        state = new KeyState(id, end, onTick, lane);
        _offs.Push(new Off(end, key, id, lane, onTick));
    }

    /// <summary>Emits, in wire order, every message with a tick before <paramref name="horizon"/>.</summary>
    public void EmitBefore<TSink>(long horizon, int track, ref TSink sink) where TSink : IOrderedMessageSink
    {
        Sort();
        var notes = _notes;
        var noteCount = _noteCount;
        var others = _others;
        var otherCount = _otherCount;
        var offs = _offs;
        int n = 0, o = 0;
        while (true)
        {
            var tick = long.MaxValue;
            if (n < noteCount) tick = notes[n].Start;
            if (o < otherCount && others[o].Tick < tick) tick = others[o].Tick;
            if (offs.Count > 0 && offs.Top.Tick < tick) tick = offs.Top.Tick;
            if (tick >= horizon) break;

            // 1. The notes starting at this tick, in key order; notes of one key merge, and a note still
            // sounding on a key is cut here (its note-off joins this tick's).
            var startingCount = 0;
            if (n < noteCount && notes[n].Start == tick)
            {
                while (n < noteCount && notes[n].Start == tick)
                {
                    ref readonly var first = ref notes[n++];
                    var key = first.Key;
                    var end = first.End;
                    var velocity = first.Velocity;
                    for (; n < noteCount && notes[n].Start == tick && notes[n].Key == key; n++)
                    {
                        if (notes[n].End > end) end = notes[n].End;
                        if (notes[n].Velocity > velocity) velocity = notes[n].Velocity;
                    }
                    ref readonly var sounding = ref Key(key);
                    if (sounding.Id != 0 && sounding.End > tick) offs.Push(new Off(tick, key, Off.Cut, sounding.Lane, sounding.OnTick));
                    if (startingCount == _starting.Length) _starting = Arrays.Grow(_starting, startingCount);
                    _starting[startingCount++] = new Starting(end, key, velocity, first.Lane);
                }
            }

            // 2. Note-offs, in key order. A note's own off is void once a later note of its key cut it.
            while (offs.Count > 0 && offs.Top.Tick == tick)
            {
                var off = offs.Pop();
                if (off.Id != Off.Cut && Key(off.Key).Id != off.Id) continue;
                sink.Write(new OrderedMessage(tick, track, off.Lane, (byte)(0x80 | (off.Key & 0xF)), (byte)(off.Key >> 4), 0, off.OnTick));
            }

            // 3. Bank and program, bend range, controllers, pitch bend, pressure: already in (rank, number, channel, insertion) order.
            for (; o < otherCount && others[o].Tick == tick; o++)
            {
                ref readonly var other = ref others[o];
                sink.Write(new OrderedMessage(tick, track, other.Lane, other.Status, other.Data1, other.Data2));
            }

            // 4. Note-ons.
            for (var s = 0; s < startingCount; s++)
            {
                var note = _starting[s];
                var id = _nextNoteId++;
                Key(note.Key) = new KeyState(id, note.End, tick, note.Lane);
                offs.Push(new Off(note.End, note.Key, id, note.Lane, tick));
                sink.Write(new OrderedMessage(tick, track, note.Lane, (byte)(0x90 | (note.Key & 0xF)), (byte)(note.Key >> 4), note.Velocity));
            }
        }
        RemoveFirst(ref _notes, ref _noteCount, n);
        _sortedNotes = _noteCount;
        RemoveFirst(ref _others, ref _otherCount, o);
        _sortedOthers = _otherCount;
    }

    private void Sort()
    {
        if (_sortedNotes < _noteCount)
        {
            NearlySorted.Sort(_notes, _sortedNotes, _noteCount, default(NoteOrder));
            _sortedNotes = _noteCount;
        }
        if (_sortedOthers < _otherCount)
        {
            NearlySorted.Sort(_others, _sortedOthers, _otherCount, default(OtherOrder));
            _sortedOthers = _otherCount;
        }
    }

    private static void RemoveFirst<T>(ref T[] items, ref int count, int removed)
    {
        if (removed == 0) return;
        Array.Copy(items, removed, items, 0, count - removed);
        count -= removed;
    }

    /// <summary>A note as added (end already at least start + 1); Key is pitch &lt;&lt; 4 | channel, the order within a tick; notes of one key merging at a tick keep the lowest lane's index, whatever order they came in.</summary>
    private readonly record struct NoteEntry(long Start, long End, short Key, byte Velocity, int Lane);

    private struct NoteOrder : IBefore<NoteEntry>
    {
        public readonly bool Before(in NoteEntry a, in NoteEntry b) =>
            a.Start < b.Start || (a.Start == b.Start && (a.Key < b.Key || (a.Key == b.Key && a.Lane < b.Lane)));
    }

    /// <summary>A message other than a note's, with its order within a tick: rank &lt;&lt; 11 | number &lt;&lt; 4 | channel, then insertion.</summary>
    private readonly record struct OtherEntry(long Tick, int Order, long Sequence, byte Status, byte Data1, byte Data2, int Lane);

    private struct OtherOrder : IBefore<OtherEntry>
    {
        public readonly bool Before(in OtherEntry a, in OtherEntry b)
        {
            if (a.Tick != b.Tick) return a.Tick < b.Tick;
            return a.Order != b.Order ? a.Order < b.Order : a.Sequence < b.Sequence;
        }
    }

    /// <summary>The note last started on a key (Id 0: none yet).</summary>
    /// <summary>The state of a key (pitch &lt;&lt; 4 | channel).</summary>
    private ref KeyState Key(short key) => ref (_keys[key & 0xF] ??= new KeyState[128])[key >> 4];

    private readonly record struct KeyState(long Id, long End, long OnTick, int Lane);

    /// <summary>A note (or merged notes) starting at the current tick.</summary>
    private readonly record struct Starting(long End, short Key, byte Velocity, int Lane);

    /// <summary>A pending note-off: the note's own (Id its id) or one made by a cut (<see cref="Cut"/>).</summary>
    private readonly record struct Off(long Tick, short Key, long Id, int Lane, long OnTick)
    {
        public const long Cut = -1;
    }

    /// <summary>A binary min-heap of note-offs by (tick, key): as many as notes sound at once, plus cut ones not yet due.</summary>
    private sealed class OffHeap
    {
        private Off[] _items = new Off[16];

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
