namespace SeqLang.Midi;

/// <summary>Everything <see cref="SmfWriter"/> writes: one format 1 file.</summary>
public sealed class MidiFileContent
{
    /// <param name="ppq">Ticks per quarter note, the header's division, 1..32767.</param>
    /// <param name="conductor">Track 0.</param>
    /// <param name="tracks">One MTrk each, in this order (SPEC §7: file order of the <c>track</c>s).</param>
    /// <param name="endTick">
    /// Where the piece ends; every track's end of track is written here, or at the track's last
    /// event if that is later (a note held past the end must still be switched off).
    /// </param>
    public MidiFileContent(int ppq, ConductorTrack conductor, IReadOnlyList<MidiTrack> tracks, long endTick)
    {
        if (ppq is < 1 or > TickConverter.MaxPpq)
            throw new ArgumentOutOfRangeException(nameof(ppq), ppq, $"PPQ must be 1..{TickConverter.MaxPpq}.");
        ArgumentNullException.ThrowIfNull(conductor);
        ArgumentNullException.ThrowIfNull(tracks);
        if (endTick < 0) throw new ArgumentOutOfRangeException(nameof(endTick), endTick, "The end tick cannot be negative.");
        // ntrks is 16 bits and includes the conductor.
        if (tracks.Count > ushort.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(tracks), tracks.Count, "A MIDI file holds at most 65535 tracks.");
        Ppq = ppq;
        Conductor = conductor;
        Tracks = tracks;
        EndTick = endTick;
    }

    public int Ppq { get; }
    public ConductorTrack Conductor { get; }
    public IReadOnlyList<MidiTrack> Tracks { get; }
    public long EndTick { get; }

    /// <summary>How many notes the file plays (note-ons with a velocity), across all tracks.</summary>
    public long NoteCount()
    {
        long count = 0;
        foreach (var track in Tracks) count += track.NoteCount;
        return count;
    }

    /// <summary>
    /// How long the file plays, to <see cref="EndTick"/>, under its tempo map as written (whole microseconds per
    /// quarter note), as a DAW or a player times it.
    /// </summary>
    public TimeSpan Duration()
    {
        var tempos = Conductor.Tempos;
        long micros = 0;
        for (var i = 0; i < tempos.Count && tempos[i].Tick < EndTick; i++)
        {
            var until = i + 1 < tempos.Count ? Math.Min(tempos[i + 1].Tick, EndTick) : EndTick;
            micros += (long)((Int128)(until - tempos[i].Tick) * tempos[i].MicrosecondsPerQuarter / Ppq);
        }
        return TimeSpan.FromMicroseconds(micros);
    }
}
