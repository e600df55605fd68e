namespace SeqLang.Midi;

/// <summary>A Standard MIDI File as <see cref="SmfReader"/> reads it.</summary>
public sealed class SmfFile
{
    public SmfFile(int format, int division, IReadOnlyList<SmfTrack> tracks)
    {
        Format = format;
        Division = division;
        Tracks = tracks;
    }

    /// <summary>0 (one track), 1 (simultaneous tracks) or 2 (independent sequences).</summary>
    public int Format { get; }

    /// <summary>The header's division word as written.</summary>
    public int Division { get; }

    /// <summary>Ticks per quarter note; throws for SMPTE time code division (bit 15 set), which we never write.</summary>
    public int Ppq => (Division & 0x8000) == 0
        ? Division
        : throw new InvalidOperationException($"The file uses SMPTE time (division 0x{Division:X4}), not ticks per quarter note.");

    public IReadOnlyList<SmfTrack> Tracks { get; }
}

/// <summary>One MTrk: its events in file order, end of track included as the last.</summary>
public sealed class SmfTrack
{
    public SmfTrack(IReadOnlyList<SmfEvent> events)
    {
        Events = events;
    }

    public IReadOnlyList<SmfEvent> Events { get; }

    /// <summary>The text of the first track name (FF 03), or null when there is none.</summary>
    public string? Name => Events.FirstOrDefault(e => e.IsMeta(0x03))?.Text;

    /// <summary>The tick of the end of track event.</summary>
    public long EndTick => Events[^1].Tick;

    /// <summary>The channel messages only, in file order.</summary>
    public IEnumerable<SmfEvent> ChannelMessages => Events.Where(e => e.IsChannelMessage);
}
