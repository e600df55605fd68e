using System.Diagnostics;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Benchmarks;

/// <summary>
/// A quick Stopwatch split of <c>seq render three-track.seq --bars N</c> and <c>seq check</c> into their
/// stages, in one process: the first (cold, JIT-compiling) call of each stage, then the median of
/// several warm calls. Not a substitute for BenchmarkDotNet; it answers "where does the time go?"
/// in seconds rather than minutes. Usage: <c>-- --breakdown [BARS] [RUNS]</c>.
/// </summary>
public static class Breakdown
{
    public static int Run(string[] args)
    {
        var bars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
        var threeTrack = Inputs.PathOf(Inputs.ThreeTrack);
        var threeTrackBytes = File.ReadAllBytes(threeTrack);
        var large = Inputs.PathOf(Inputs.FiveThousandLines);
        var largeBytes = File.ReadAllBytes(large);
        var output = Path.Combine(Path.GetTempPath(), $"seqlang-breakdown-{Environment.ProcessId}.mid");

        CompiledPiece piece = null!;
        MidiFileContent content = null!;
        byte[] bytes = Array.Empty<byte>();
        var stages = new (string Name, Action Body)[]
        {
            ("compile three-track.seq", () => piece = Inputs.CompileOrThrow(threeTrack, threeTrackBytes)),
            ($"events only ({bars:N0} bars)", () => Events(piece, bars)),
            ($"render {bars:N0} bars", () => content = PieceRenderer.Render(piece, 0, bars, 480, new DiagnosticBag())!),
            ("SMF bytes", () => bytes = SmfWriter.ToBytes(content)),
            ("write file (atomic)", () => SmfWriter.WriteFile(output, content)),
            ("check five-thousand-lines.seq", () => SeqCompiler.Compile(large, largeBytes, new CompileOptions())),
        };

        Console.WriteLine($"{"stage",-32} {"first call",12} {"median warm",12}   ({runs} warm runs, {Environment.ProcessorCount} cores)");
        try
        {
            foreach (var (name, body) in stages)
            {
                var cold = Time(body);
                var warm = Enumerable.Range(0, runs).Select(_ => Time(body)).Order().ToList();
                Console.WriteLine($"{name,-32} {cold,9:F1} ms {warm[warm.Count / 2],9:F1} ms");
            }
        }
        finally
        {
            File.Delete(output);
        }
        var notes = Inputs.ThreeTrackNotesPerBar * (long)bars;
        Console.WriteLine($"{bytes.Length:N0} bytes of SMF, {notes:N0} notes");
        return 0;
    }

    /// <summary>
    /// The pattern side of a render alone: every lane queried bar by bar into exact-time events, as the
    /// renderer does before any tick or MIDI message exists. Render minus this is the MIDI side.
    /// </summary>
    private static long Events(CompiledPiece piece, int bars)
    {
        var stream = new EventStream(piece);
        var events = new List<PieceEvent>(256);
        var diagnostics = new DiagnosticBag();
        long total = 0;
        for (var bar = 0L; bar < bars; bar++)
        {
            events.Clear();
            if (!stream.Bar(bar, events, diagnostics)) throw new InvalidOperationException($"bar {bar} failed");
            total += events.Count;
        }
        return total;
    }

    private static double Time(Action body)
    {
        var watch = Stopwatch.StartNew();
        body();
        return watch.Elapsed.TotalMilliseconds;
    }
}
