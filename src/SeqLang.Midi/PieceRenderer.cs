using System.Runtime.InteropServices;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;

namespace SeqLang.Midi;

/// <summary>
/// The renderer: pulls bars from the <see cref="EventStream"/> as fast as it can and lays them into
/// a format 1 file (SPEC §7). Exact times become ticks here, through the one <see cref="TickConverter"/>.
/// </summary>
public static class PieceRenderer
{
    /// <summary>The file for bars [<paramref name="fromBar"/>, <paramref name="fromBar"/> + <paramref name="bars"/>), bar <paramref name="fromBar"/> at tick 0; null after reporting a limit.</summary>
    public static MidiFileContent? Render(CompiledPiece piece, long fromBar, long bars, int ppq, DiagnosticBag diagnostics)
    {
        var settings = piece.Settings;
        var ticks = new TickConverter(ppq, settings.Meter.BarQuarters);
        var conductor = Conductor(piece, ticks, fromBar, bars);

        var orderer = new MessageOrderer(piece.Tracks.Count);
        var chunks = new ChunkSink(piece.Tracks);
        for (var t = 0; t < piece.Tracks.Count; t++) TrackHeader.Add(orderer, t, piece.Tracks[t], 0);
        var stream = new EventStream(piece);
        var events = new List<PieceEvent>(256);
        long total = 0;
        for (var bar = fromBar; bar < fromBar + bars; bar++)
        {
            events.Clear();
            if (!stream.Bar(bar, events, diagnostics)) return null;
            total += events.Count;
            if (total > EventStream.MaxRenderEvents)
            {
                var lane = piece.Tracks[events[^1].Track].Lanes[events[^1].Lane];
                diagnostics.Add(Codes.RenderTooLarge, lane.Span, EventStream.MaxRenderEvents, lane.FullName, bar);
                return null;
            }
            var barStart = Math.Max(0, ticks.ToTick(bar, fromBar));
            foreach (ref readonly var e in CollectionsMarshal.AsSpan(events))
            {
                // Events start in their bar and rounding is monotone, so this only guards the orderer's promise.
                var start = Math.Max(barStart, ticks.ToTick(e.Begin, fromBar));
                var end = e.Kind == PieceEventKind.Note ? ticks.ToTick(e.End, fromBar) : start;
                PieceEventMessages.Add(orderer, e, start, end, e.Lane);
            }
            // Everything before the next bar line is final: later bars' notes start there or later.
            orderer.EmitTracksBefore(ticks.ToTick(bar + 1, fromBar), ref chunks);
            if (bar == fromBar && bars > 1) chunks.Reserve(bars);
        }
        var endTick = ticks.ToTick(bars);
        orderer.CentreBends(endTick);
        orderer.EmitTracksBefore(long.MaxValue, ref chunks);
        return new MidiFileContent(ppq, conductor, chunks.Finish(endTick), endTick);
    }

    /// <summary>Each track's messages straight into its chunk's bytes, as the orderer emits them.</summary>
    private struct ChunkSink : IOrderedMessageSink
    {
        private readonly TrackChunkWriter[] _chunks;
        private readonly string[] _names;
        private readonly long[] _lastTick;
        private readonly int[] _messages;
        private readonly long[] _notes;

        public ChunkSink(IReadOnlyList<CompiledTrack> tracks)
        {
            _chunks = new TrackChunkWriter[tracks.Count];
            _names = new string[tracks.Count];
            _lastTick = new long[tracks.Count];
            _messages = new int[tracks.Count];
            _notes = new long[tracks.Count];
            for (var t = 0; t < tracks.Count; t++)
            {
                _names[t] = tracks[t].Name;
                _chunks[t] = new TrackChunkWriter();
                _chunks[t].Write(MidiMetaEvent.TrackName(tracks[t].Name));
            }
        }

        public readonly void Write(in OrderedMessage message)
        {
            var t = message.Track;
            _chunks[t].Write(message.Tick, message.Status, message.Data1, message.Data2);
            _lastTick[t] = message.Tick;
            _messages[t]++;
            if (message.IsNoteOn) _notes[t]++;
        }

        /// <summary>
        /// Most pieces keep their bars' density: after the first bar, each chunk is sized for that bar's bytes
        /// times the length (a bit more, for the end of track), so that it need not grow step by step, each step
        /// a copy. Capped, past which a wrong guess (a dense first bar) would cost more than growing does.
        /// </summary>
        public readonly void Reserve(long bars)
        {
            foreach (var chunk in _chunks) chunk.EnsureCapacity(Math.Min(ReservedBytesLimit, chunk.BodyLength * bars + 64));
        }

        public readonly MidiTrack[] Finish(long endTick)
        {
            var tracks = new MidiTrack[_chunks.Length];
            for (var t = 0; t < tracks.Length; t++)
            {
                _chunks[t].Write(MidiMetaEvent.EndOfTrack(Math.Max(endTick, _chunks[t].Tick)));
                tracks[t] = new MidiTrack(_names[t], _chunks[t], _lastTick[t], _messages[t], _notes[t]);
            }
            return tracks;
        }
    }

    /// <summary>The most bytes reserved for one track's chunk from the first bar's size.</summary>
    private const long ReservedBytesLimit = 64 << 20;

    private static ConductorTrack Conductor(CompiledPiece piece, TickConverter ticks, long fromBar, long bars)
    {
        var tempo = piece.Tempo;
        var conductor = PieceConductor.Start(piece, fromBar);
        var changes = new List<(Rational Cycle, Rational Bpm)>();
        for (var bar = fromBar; bar < fromBar + bars; bar++)
        {
            changes.Clear();
            tempo.ChangesIn(bar, first: bar == fromBar, changes);
            foreach (var (cycle, bpm) in changes) conductor.SetTempo(ticks.ToTick(cycle - fromBar), bpm);
        }
        // A ramp still under way where the render stops gets its tempo at the very end, as a DAW extending the file expects.
        if (tempo.RampsIn(fromBar + bars - 1)) conductor.SetTempo(ticks.ToTick(bars), tempo.TempoAtEndOf(fromBar + bars - 1));
        return conductor;
    }
}
