namespace SeqLang.Player;

/// <summary>
/// One track's messages not yet emitted. Per (channel, pitch) the latest note is kept open, because only it
/// can still change: a later note of that pitch starting at the same tick merges into it (the later end, the
/// higher velocity), one starting while it sounds cuts it. Anything earlier is final and waits in
/// <see cref="_final"/> until its tick is emitted. This is SamePitchOverlapResolver, one bar at a time.
/// </summary>
internal sealed class TrackState
{
    private const int Keys = 16 * 128;

    private readonly Slot[] _open = new Slot[Keys];
    private readonly List<int> _openKeys = new();
    private readonly List<MessageScheduler.Ranked> _final = new();

    /// <summary>This bar's notes, before resolution.</summary>
    public List<MessageScheduler.Note> NewNotes { get; } = new();

    /// <summary>Bank, program and controller messages not yet emitted.</summary>
    public List<MessageScheduler.Ranked> Controls { get; } = new();

    private struct Slot
    {
        public bool Active;
        public bool OnEmitted;
        public MessageScheduler.Note Note;
    }

    /// <summary>Applies this bar's notes in the resolver's order: by channel, pitch, start, insertion.</summary>
    public void Resolve()
    {
        NewNotes.Sort(static (a, b) =>
        {
            var c = a.Channel.CompareTo(b.Channel);
            if (c != 0) return c;
            c = a.Pitch.CompareTo(b.Pitch);
            if (c != 0) return c;
            c = a.Start.CompareTo(b.Start);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });
        foreach (var note in NewNotes)
        {
            var key = note.Channel * 128 + note.Pitch;
            ref var slot = ref _open[key];
            if (slot.Active)
            {
                var previous = slot.Note;
                if (previous.Start == note.Start)
                {
                    slot.Note = previous with { End = Math.Max(previous.End, note.End), Velocity = Math.Max(previous.Velocity, note.Velocity) };
                    continue;
                }
                // Starts only grow from bar to bar, so the open note started earlier: it is now final.
                var end = Math.Min(previous.End, note.Start);
                if (!slot.OnEmitted) _final.Add(On(previous));
                _final.Add(Off(previous with { End = end }));
            }
            else
            {
                _openKeys.Add(key);
            }
            slot = new Slot { Active = true, OnEmitted = false, Note = note };
        }
    }

    /// <summary>Moves every message of this track with a tick before <paramref name="horizon"/> into <paramref name="output"/>.</summary>
    public void TakeBefore(long horizon, int track, List<MessageScheduler.Ranked> output)
    {
        Take(_final, horizon, track, output);
        Take(Controls, horizon, track, output);
        for (var i = _openKeys.Count - 1; i >= 0; i--)
        {
            var key = _openKeys[i];
            ref var slot = ref _open[key];
            if (!slot.OnEmitted && slot.Note.Start < horizon)
            {
                output.Add(On(slot.Note) with { Track = track });
                slot.OnEmitted = true;
            }
            if (slot.OnEmitted && slot.Note.End < horizon)
            {
                output.Add(Off(slot.Note) with { Track = track });
                slot = default;
                _openKeys[i] = _openKeys[^1];
                _openKeys.RemoveAt(_openKeys.Count - 1);
            }
        }
    }

    private static void Take(List<MessageScheduler.Ranked> from, long horizon, int track, List<MessageScheduler.Ranked> output)
    {
        var kept = 0;
        for (var i = 0; i < from.Count; i++)
        {
            if (from[i].Tick < horizon) output.Add(from[i] with { Track = track });
            else from[kept++] = from[i];
        }
        from.RemoveRange(kept, from.Count - kept);
    }

    private static MessageScheduler.Ranked On(MessageScheduler.Note n) =>
        new(n.Start, MessageScheduler.Rank.NoteOn, n.Pitch, n.Channel, n.Sequence, 0, 0x90, n.Pitch, n.Velocity, n.Lane);

    private static MessageScheduler.Ranked Off(MessageScheduler.Note n) =>
        new(n.End, MessageScheduler.Rank.NoteOff, n.Pitch, n.Channel, n.Sequence, 0, 0x80, n.Pitch, 0, n.Lane, n.Start);
}
