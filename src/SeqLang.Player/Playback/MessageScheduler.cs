using SeqLang.Compiler.Piece;
using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>
/// Turns bars of <see cref="PieceEvent"/>s, arriving in order, into the renderer's messages in the renderer's
/// order, incrementally: each track's messages are what <see cref="MidiTrackBuilder"/> would build (ticks from
/// the one <see cref="TickConverter"/>; at equal ticks note-offs, bank/program, controllers, note-ons, each
/// ascending by number, then channel, then insertion; a note at least one tick long; a note-on for a pitch
/// still sounding on its channel ends the earlier note at that tick, and notes of one pitch starting on one
/// tick merge), and tracks are merged in file order at equal ticks. Incremental because a player cannot
/// build the whole file: after bars [0, B) every message before tick(B) is final, because a later bar's
/// notes start at tick(B) or later and can only cut notes that are still sounding then.
/// </summary>
internal sealed class MessageScheduler
{
    private readonly TickConverter _ticks;
    private readonly TrackState[] _tracks;
    private readonly List<Ranked> _window = new(256);
    private long _sequence;

    /// <remarks><c>headerTick</c>: Where each track's bank and program go: tick 0 from the start, the first tick played otherwise.</remarks>
    /// <remarks><c>withHeader</c>: Which tracks send their bank and program (null: all); a reloaded piece resends only what changed.</remarks>
    public MessageScheduler(CompiledPiece piece, int ppq, long headerTick = 0, Func<CompiledTrack, bool>? withHeader = null)
    {
        _ticks = new TickConverter(ppq, piece.Settings.Meter.BarQuarters);
        _tracks = new TrackState[piece.Tracks.Count];
        for (var i = 0; i < _tracks.Length; i++)
        {
            _tracks[i] = new TrackState();
            if (withHeader is null || withHeader(piece.Tracks[i])) Header(piece.Tracks[i], _tracks[i], headerTick);
        }
    }

    public TickConverter Ticks => _ticks;

    /// <summary>Adds one bar's events (bars must come in order, each exactly once).</summary>
    /// <remarks><c>from</c>: Events whose tick is earlier are left out (a piece switched in mid-bar starts there).</remarks>
    public void AddBar(IReadOnlyList<PieceEvent> events, long from = 0)
    {
        foreach (var track in _tracks) track.NewNotes.Clear();
        foreach (var e in events)
        {
            var track = _tracks[e.Track];
            var start = Math.Max(0, _ticks.ToTick(e.Begin));
            if (start < from) continue;
            if (e.Kind == PieceEventKind.Control)
            {
                // Validates as the renderer does (a bad value is a bug upstream, not the user's).
                _ = MidiChannelMessage.ControlChange(start, e.Channel, e.Number, e.Value);
                track.Controls.Add(new Ranked(start, Rank.ControlChange, e.Number, e.Channel, _sequence++, 0, 0xB0, e.Number, e.Value, e.Lane));
            }
            else
            {
                _ = MidiChannelMessage.NoteOn(start, e.Channel, e.Number, e.Value);
                var end = Math.Max(Math.Max(0, _ticks.ToTick(e.End)), start + 1);
                track.NewNotes.Add(new Note(e.Channel, e.Number, e.Value, start, end, _sequence++, e.Lane));
            }
        }
        foreach (var track in _tracks) track.Resolve();
    }

    /// <summary>Appends, in wire order, every message before <paramref name="horizon"/> not yet emitted.</summary>
    public void EmitBefore(long horizon, List<TimedMessage> output)
    {
        _window.Clear();
        for (var t = 0; t < _tracks.Length; t++) _tracks[t].TakeBefore(horizon, t, _window);
        _window.Sort(Ranked.Compare);
        foreach (var m in _window)
            output.Add(new TimedMessage
            {
                Tick = m.Tick, OnTick = m.OnTick, Track = (short)m.Track, Lane = (short)m.Lane,
                Status = (byte)(m.Kind | m.Channel), Data1 = (byte)m.Data1, Data2 = (byte)m.Data2, Length = (byte)(m.Kind == 0xC0 ? 2 : 3),
            });
    }

    private void Header(CompiledTrack track, TrackState state, long tick)
    {
        // As PieceRenderer.Header: bank select MSB, LSB, then the program, together at tick 0; a bank with no
        // program is two plain controllers.
        if (track.Program is { } program)
        {
            if (track.BankMsb is { } msb) state.Controls.Add(new Ranked(tick, Rank.BankAndProgram, 0, track.Channel, _sequence++, 0, 0xB0, 0, msb, -1));
            if (track.BankLsb is { } lsb) state.Controls.Add(new Ranked(tick, Rank.BankAndProgram, 0, track.Channel, _sequence++, 0, 0xB0, 32, lsb, -1));
            state.Controls.Add(new Ranked(tick, Rank.BankAndProgram, 0, track.Channel, _sequence++, 0, 0xC0, program, 0, -1));
        }
        else if (track.BankMsb is { } msb)
        {
            state.Controls.Add(new Ranked(tick, Rank.ControlChange, 0, track.Channel, _sequence++, 0, 0xB0, 0, msb, -1));
            if (track.BankLsb is { } lsb) state.Controls.Add(new Ranked(tick, Rank.ControlChange, 32, track.Channel, _sequence++, 0, 0xB0, 32, lsb, -1));
        }
    }

    /// <summary>SPEC §7's order of kinds at one tick (as MidiTrackBuilder's MessageRank).</summary>
    internal enum Rank
    {
        NoteOff,
        BankAndProgram,
        ControlChange,
        PitchBend,
        NoteOn,
    }

    internal readonly record struct Note(int Channel, int Pitch, int Velocity, long Start, long End, long Sequence, int Lane);

    /// <summary>A message with the renderer's sort key, and the track for the merge. <see cref="Lane"/> is the lane's index in its track (-1: the track's header); <see cref="OnTick"/> a note-off's note-on tick.</summary>
    internal readonly record struct Ranked(long Tick, Rank Rank, int Number, int Channel, long Sequence, int Track, int Kind, int Data1, int Data2, int Lane, long OnTick = 0)
    {
        public static int Compare(Ranked a, Ranked b)
        {
            var c = a.Tick.CompareTo(b.Tick);
            if (c != 0) return c;
            c = a.Track.CompareTo(b.Track);
            if (c != 0) return c;
            c = a.Rank.CompareTo(b.Rank);
            if (c != 0) return c;
            c = a.Number.CompareTo(b.Number);
            if (c != 0) return c;
            c = a.Channel.CompareTo(b.Channel);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        }
    }
}
