namespace SeqLang.Midi;

/// <summary>
/// Applies SPEC §7's rule "a note-on for a pitch still sounding on that channel first ends the
/// earlier note at that tick", so that no key is ever struck while it sounds. Without this, a
/// long note followed by a short one of the same pitch produces on-on-off-off: most synths
/// then cut the second note at the first note's off, and players disagree on which "off"
/// belongs to which "on".
/// </summary>
internal static class SamePitchOverlapResolver
{
    /// <summary>
    /// Returns the notes with overlaps removed. Input notes must already be at least one tick
    /// long. Per (channel, pitch), notes starting at the same tick merge into one (the later
    /// end, the higher velocity, the first sequence number); otherwise an earlier note that is
    /// still sounding when the next one starts is cut at that start, which keeps it at least one
    /// tick long because starts are now distinct.
    /// </summary>
    public static List<MidiNote> Resolve(IReadOnlyList<MidiNote> notes)
    {
        var sorted = new List<MidiNote>(notes);
        sorted.Sort(static (a, b) =>
        {
            var c = a.Channel.CompareTo(b.Channel);
            if (c != 0) return c;
            c = a.Note.CompareTo(b.Note);
            if (c != 0) return c;
            c = a.StartTick.CompareTo(b.StartTick);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });

        var result = new List<MidiNote>(sorted.Count);
        foreach (var note in sorted)
        {
            if (result.Count > 0)
            {
                var previous = result[^1];
                if (previous.Channel == note.Channel && previous.Note == note.Note)
                {
                    if (previous.StartTick == note.StartTick)
                    {
                        result[^1] = previous with
                        {
                            EndTick = Math.Max(previous.EndTick, note.EndTick),
                            Velocity = Math.Max(previous.Velocity, note.Velocity),
                        };
                        continue;
                    }
                    if (previous.EndTick > note.StartTick) result[^1] = previous with { EndTick = note.StartTick };
                }
            }
            result.Add(note);
        }
        return result;
    }
}
