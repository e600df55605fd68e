using SeqLang.Compiler.Piece;

namespace SeqLang.Player;

/// <summary>
/// One version of the piece as it plays, from <see cref="FirstTick"/> on: its event stream, the scheduler
/// that orders its messages, its tempo map, shifted by <see cref="DueOffset"/> so that its times continue
/// the version it replaced, and the generation its messages carry. Used by the producer thread only.
/// </summary>
internal sealed class PlaybackSource
{
    public PlaybackSource(CompiledPiece piece, int ppq, long frequency, int generation, long firstTick,
        short[][] laneIds, Func<CompiledTrack, bool>? withHeader = null)
    {
        Piece = piece;
        Generation = generation;
        FirstTick = firstTick;
        LaneIds = laneIds;
        Stream = new EventStream(piece, includeMutedLanes: true);
        Scheduler = new MessageScheduler(piece, ppq, firstTick, withHeader);
        Tempo = new TickTimeline(piece, Scheduler.Ticks, frequency);
    }

    public CompiledPiece Piece { get; }
    public EventStream Stream { get; }
    public MessageScheduler Scheduler { get; }
    public TickTimeline Tempo { get; }
    public int Generation { get; }
    public long FirstTick { get; }
    /// <summary>Added to the tempo map's times: set once, when the version is switched in.</summary>
    public long DueOffset { get; set; }
    public short[][] LaneIds { get; }

    /// <summary>Piece time (Stopwatch ticks from the start of playback) of <paramref name="tick"/>.</summary>
    public long DueOf(long tick) => Tempo.TimeOf(tick) + DueOffset;
}
