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

        var builders = new MidiTrackBuilder[piece.Tracks.Count];
        var headers = new int[builders.Length];
        for (var t = 0; t < builders.Length; t++)
        {
            builders[t] = Header(piece.Tracks[t]);
            headers[t] = builders[t].OtherCount;
        }
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
            foreach (ref readonly var e in CollectionsMarshal.AsSpan(events))
            {
                var start = ticks.ToTick(e.Begin, fromBar);
                if (start < 0) start = 0;
                if (e.Kind == PieceEventKind.Control)
                {
                    builders[e.Track].AddControlChange(e.Channel, start, e.Number, e.Value);
                    continue;
                }
                var end = ticks.ToTick(e.End, fromBar);
                builders[e.Track].AddNote(e.Channel, e.Number, e.Value, start, end < 0 ? 0 : end);
            }
            if (bar == fromBar && bars > 1) Reserve(builders, headers, bars);
        }
        var tracks = new MidiTrack[builders.Length];
        for (var t = 0; t < tracks.Length; t++) tracks[t] = builders[t].Build();
        return new MidiFileContent(ppq, conductor, tracks, ticks.ToTick(bars));
    }

    /// <summary>The most notes, and other messages, reserved in all builders from the first bar's counts (48 and 20 MB).</summary>
    private const long ReservedNotesLimit = 2 << 20, ReservedOthersLimit = 512 << 10;

    /// <summary>
    /// Most pieces keep their bars' density: after the first bar, each builder is sized for that bar's events
    /// times the length (its header's bank and program counted once), so that it need not grow step by step,
    /// each step a copy and a large-object-heap allocation. Builders are served in order while the estimates
    /// fit the limits, past which a wrong guess (a dense first bar) would cost more than growing does.
    /// </summary>
    private static void Reserve(MidiTrackBuilder[] builders, int[] headers, long bars)
    {
        long notesLeft = ReservedNotesLimit, othersLeft = ReservedOthersLimit;
        for (var t = 0; t < builders.Length; t++)
        {
            var builder = builders[t];
            var notes = builder.NoteCount * bars;
            var others = headers[t] + (builder.OtherCount - headers[t]) * bars;
            if (notes <= notesLeft) notesLeft -= notes; else notes = 0;
            if (others <= othersLeft) othersLeft -= others; else others = 0;
            builder.Reserve((int)notes, (int)others);
        }
    }

    private static MidiTrackBuilder Header(CompiledTrack track)
    {
        var builder = new MidiTrackBuilder(track.Name);
        if (track.Program is { } program) builder.AddProgramChange(track.Channel, 0, program, track.BankMsb, track.BankLsb);
        else if (track.BankMsb is { } msb)
        {
            // A bank with no program still selects the bank; the synth applies it at the next program change.
            builder.AddControlChange(track.Channel, 0, 0, msb);
            if (track.BankLsb is { } lsb) builder.AddControlChange(track.Channel, 0, 32, lsb);
        }
        return builder;
    }

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
