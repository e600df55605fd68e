using SeqLang.Compiler.Piece;
using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>
/// One version of the piece as it plays, from <see cref="FirstTick"/> on: its event stream, the one
/// <see cref="MessageOrderer"/> that orders its messages as the renderer does, its tempo map, shifted by
/// <see cref="DueOffset"/> so that its times continue the version it replaced, and the generation its
/// messages carry. Lanes muted when it starts are left out before ordering, as the renderer leaves out a
/// file's muted lanes; a change of mutes makes a new version. Used by the producer thread only.
/// </summary>
internal sealed class PlaybackSource
{
    private readonly MessageOrderer _orderer;
    // Per track and lane index: left out of this version (muted in the file or live when it started).
    private readonly bool[][] _muted;
    // The orderer's last track holds notes carried from the version before whose track this one lacks.
    private readonly int _carryTrack;

    public PlaybackSource(CompiledPiece piece, int ppq, long frequency, int generation, long firstTick,
        short[][] laneIds, Func<CompiledTrack, bool>? withHeader = null)
    {
        Piece = piece;
        Generation = generation;
        FirstTick = firstTick;
        LaneIds = laneIds;
        Stream = new EventStream(piece, includeMutedLanes: true);
        Ticks = new TickConverter(ppq, piece.Settings.Meter.BarQuarters);
        Tempo = new TickTimeline(piece, Ticks, frequency);
        _carryTrack = piece.Tracks.Count;
        _orderer = new MessageOrderer(piece.Tracks.Count + 1);
        _muted = new bool[piece.Tracks.Count][];
        for (var t = 0; t < piece.Tracks.Count; t++)
        {
            _muted[t] = new bool[piece.Tracks[t].Lanes.Count];
            if (withHeader is null || withHeader(piece.Tracks[t])) TrackHeader.Add(_orderer, t, piece.Tracks[t], firstTick);
        }
    }

    public CompiledPiece Piece { get; }
    public EventStream Stream { get; }
    public TickConverter Ticks { get; }
    public TickTimeline Tempo { get; }
    public int Generation { get; }
    public long FirstTick { get; }
    /// <summary>Added to the tempo map's times: set once, when the version is switched in.</summary>
    public long DueOffset { get; set; }
    public short[][] LaneIds { get; }

    /// <summary>The <see cref="LiveState.MuteVersion"/> whose mutes this version plays.</summary>
    public int MuteVersion { get; set; }

    /// <summary>Piece time (Stopwatch ticks from the start of playback) of <paramref name="tick"/>.</summary>
    public long DueOf(long tick) => Tempo.TimeOf(tick) + DueOffset;

    /// <summary>What the status line and controller feedback show for <paramref name="bar"/>: its section, chords, tempo and times.</summary>
    public BarInfo InfoOf(long bar)
    {
        var startTick = Ticks.ToTick(bar);
        var position = Piece.Form.SectionAt(bar);
        var chords = "";
        if (Piece.Harmony is { } harmony)
        {
            var changes = new List<(Core.Time.Rational Time, Compiler.Harmony.Chord? Chord)>();
            harmony.ChangesIn(bar, changes);
            chords = string.Join(' ', changes.Where(c => c.Chord is not null).Select(c => c.Chord!.Name));
        }
        var bpm = Piece.Tempo.TempoAt(bar).ToDouble();
        return new BarInfo(bar, startTick, bpm, position?.Section ?? "", position?.BarInSection ?? 0, position?.Length, chords,
            DueOf(Math.Max(startTick, FirstTick)), DueOf(Ticks.ToTick(bar + 1)));
    }

    /// <summary>Takes the lanes muted now as this version's: they are left out of every bar it orders.</summary>
    public void TakeMutes(LiveState live)
    {
        MuteVersion = live.MuteVersion;
        for (var t = 0; t < _muted.Length; t++)
        {
            for (var l = 0; l < _muted[t].Length; l++) _muted[t][l] = live.IsMuted(LaneIds[t][l]);
        }
    }

    /// <summary>Adds one bar's events (bars in order, each once), leaving out muted lanes and what lies before <see cref="FirstTick"/>.</summary>
    public void AddBar(List<PieceEvent> events)
    {
        foreach (var e in events)
        {
            if (_muted[e.Track][e.Lane]) continue;
            var start = Math.Max(0, Ticks.ToTick(e.Begin));
            if (start < FirstTick) continue;
            int lane = LaneIds[e.Track][e.Lane];
            var end = e.Kind == PieceEventKind.Note ? Math.Max(0, Ticks.ToTick(e.End)) : start;
            PieceEventMessages.Add(_orderer, e, start, end, lane);
        }
    }

    /// <summary>
    /// A note of the version before, sounding across the switch to this one: its note-off comes at its tick, or
    /// earlier where this version strikes its key again in the track of the same name.
    /// </summary>
    public void Carry(in TimedMessage noteOff, string? trackName)
    {
        var track = _carryTrack;
        for (var t = 0; t < Piece.Tracks.Count; t++)
        {
            if (Piece.Tracks[t].Name == trackName)
            {
                track = t;
                break;
            }
        }
        _orderer.Carry(track, noteOff.Channel, noteOff.Data1, noteOff.OnTick, noteOff.Tick, noteOff.Lane);
    }

    /// <summary>The end of the piece: every channel this version left bent goes back to the centre at <paramref name="tick"/>, as in the file.</summary>
    public void CentreBends(long tick) => _orderer.CentreBends(tick);

    /// <summary>Appends, in wire order, every message before <paramref name="horizon"/> not yet emitted.</summary>
    public void EmitBefore(long horizon, List<TimedMessage> output)
    {
        var sink = new TimedSink(output, Generation, _carryTrack);
        _orderer.EmitBefore(horizon, ref sink);
    }

    /// <summary>The orderer's messages as the ring's; lanes are already live-control ids.</summary>
    private readonly struct TimedSink(List<TimedMessage> output, int generation, int carryTrack) : IOrderedMessageSink
    {
        public void Write(in OrderedMessage m) => output.Add(new TimedMessage
        {
            Tick = m.Tick, OnTick = m.OnTick, Track = (short)(m.Track == carryTrack ? -1 : m.Track), Lane = (short)m.Lane,
            Status = m.Status, Data1 = m.Data1, Data2 = m.Data2, Length = (byte)m.Length, Generation = generation,
        });
    }
}
