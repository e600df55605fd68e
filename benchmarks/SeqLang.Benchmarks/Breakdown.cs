using System.Diagnostics;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Midi;
using SeqLang.Syntax;

namespace SeqLang.Benchmarks;

/// <summary>
/// A quick Stopwatch split of <c>seq render three-track.seq --bars N</c> and <c>seq check</c> into their
/// stages, in one process: the first (cold, JIT-compiling) call of each stage, then the median of
/// several warm calls. Indented stages are parts of the unindented one below them. Not a substitute for BenchmarkDotNet; it answers "where does the time go?"
/// in seconds rather than minutes. Usage: <c>-- --breakdown [BARS] [RUNS] [INPUT.seq]</c>.
/// </summary>
public static class Breakdown
{
    public static int Run(string[] args)
    {
        var bars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
        // A third argument names another piece of inputs/ (e.g. three-track-form.seq, the same music over form and harmony).
        var pieceName = args.Length > 2 ? args[2] : Inputs.ThreeTrack;
        var threeTrack = Inputs.PathOf(pieceName);
        var threeTrackBytes = File.ReadAllBytes(threeTrack);
        var large = Inputs.PathOf(Inputs.FiveThousandLines);
        var largeBytes = File.ReadAllBytes(large);
        var output = Path.Combine(Path.GetTempPath(), $"seqlang-breakdown-{Environment.ProcessId}.mid");

        CompiledPiece piece = null!;
        MidiFileContent content = null!;
        byte[] bytes = Array.Empty<byte>();
        List<PieceEvent> events = null!;
        object? kept = null;
        long[] ticks = Array.Empty<long>();
        var stages = new (string Name, Action Body)[]
        {
            ($"compile {pieceName}", () => piece = Inputs.CompileOrThrow(threeTrack, threeTrackBytes)),
            ($"  events ({bars:N0} bars, EventStream)", () => events = Events(piece, bars)),
            ("  ticks (TickConverter)", () => ticks = Ticks(piece, events)),
            ("  order (MessageOrderer, no output)", () => Order(piece, events, ticks)),
            ($"render {bars:N0} bars", () => content = PieceRenderer.Render(piece, 0, bars, 480, new DiagnosticBag())!),
            ("SMF bytes", () => bytes = SmfWriter.ToBytes(content)),
            ("write file (atomic)", () => SmfWriter.WriteFile(output, content)),
            ("  parse five-thousand-lines.seq", () => kept = SeqParser.Parse(new SourceText(large, System.Text.Encoding.UTF8.GetString(largeBytes)), new DiagnosticBag())),
            ("check five-thousand-lines.seq", () => kept = SeqCompiler.Compile(large, largeBytes, new CompileOptions(DiagnosticsOnly: true))),
        };

        Console.WriteLine($"{"stage",-32} {"first call",12} {"median warm",12} {"allocated",12} {"retained",12}   ({runs} warm runs, {Environment.ProcessorCount} cores)");
        try
        {
            foreach (var (name, body) in stages)
            {
                var cold = Time(body);
                var warm = Enumerable.Range(0, runs).Select(_ => Time(body)).Order().ToList();
                kept = null;
                var live = GC.GetTotalMemory(forceFullCollection: true);
                var before = GC.GetAllocatedBytesForCurrentThread();
                body();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                // What the stage's result holds (the locals above keep it), the memory a process must touch at least.
                var retained = GC.GetTotalMemory(forceFullCollection: true) - live;
                Console.WriteLine($"{name,-32} {cold,9:F1} ms {warm[warm.Count / 2],9:F1} ms {allocated / 1e6,9:F1} MB {retained / 1e6,9:F1} MB");
            }
        }
        finally
        {
            File.Delete(output);
        }
        Console.WriteLine($"{bytes.Length:N0} bytes of SMF, {events.Count(e => e.Kind == PieceEventKind.Note):N0} notes");
        return 0;
    }

    /// <summary>
    /// The pattern side of a render alone: every lane queried bar by bar into exact-time events, as the
    /// renderer does before any tick or MIDI message exists. Render minus this is the MIDI side.
    /// </summary>
    private static List<PieceEvent> Events(CompiledPiece piece, int bars)
    {
        var stream = new EventStream(piece);
        var events = new List<PieceEvent>(bars * Inputs.ThreeTrackNotesPerBar);
        var diagnostics = new DiagnosticBag();
        for (var bar = 0L; bar < bars; bar++)
        {
            if (!stream.Bar(bar, events, diagnostics)) throw new InvalidOperationException($"bar {bar} failed");
        }
        return events;
    }

    // The next two repeat PieceRenderer's loop in pieces (as of this writing), to split the MIDI side of a render.
    private static long[] Ticks(CompiledPiece piece, List<PieceEvent> events)
    {
        var converter = new TickConverter(480, piece.Settings.Meter.BarQuarters);
        var ticks = new long[events.Count * 2];
        for (var i = 0; i < events.Count; i++)
        {
            ticks[2 * i] = converter.ToTick(events[i].Begin);
            ticks[2 * i + 1] = converter.ToTick(events[i].End);
        }
        return ticks;
    }

    private static void Order(CompiledPiece piece, List<PieceEvent> events, long[] ticks)
    {
        var orderer = new MessageOrderer(piece.Tracks.Count);
        var sink = new Discard();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            orderer.AddNote(e.Track, e.Channel, e.Number, e.Value, ticks[2 * i], ticks[2 * i + 1]);
            // Emitted bar by bar, as the renderer does (every 42 events is a bar of the three-track piece).
            if (i % Inputs.ThreeTrackNotesPerBar == Inputs.ThreeTrackNotesPerBar - 1) orderer.EmitTracksBefore(ticks[2 * i] + 1, ref sink);
        }
        orderer.EmitTracksBefore(long.MaxValue, ref sink);
    }

    private struct Discard : IOrderedMessageSink
    {
        public readonly void Write(in OrderedMessage message) { }
    }

    private static double Time(Action body)
    {
        var watch = Stopwatch.StartNew();
        body();
        return watch.Elapsed.TotalMilliseconds;
    }
}
