using System.Diagnostics;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Benchmarks;

/// <summary>
/// Where a signal's cost goes, in one process (JIT, Stopwatch): <c>three-track.seq</c> with one lane's signal of
/// <c>three-track-signals.seq</c> at a time, then all of them, then the lanes with none but the period cache off.
/// For each: every lane's period (a lane with none is computed bar by bar instead of once a period), the events of
/// BARS bars (<see cref="EventStream"/> alone) and the whole render, first call and warm median, and what the render
/// allocates. Then <c>cc-sweep.seq</c>'s stepped lane alone. Usage: <c>-- --signal-cost [BARS] [RUNS]</c>.
/// </summary>
public static class SignalCost
{
    // Each lane of three-track.seq as written there, and as three-track-signals.seq writes it.
    private static readonly (string Lane, string Plain, string Signal)[] Lanes =
    [
        ("kick vel sine", "kick  \"x*4\"", "kick  \"x*4\"         vel sine 60..120 over 4 bars"),
        ("snare prob saw", "snare \"~ x ~ x\"     vel 100", "snare \"~ x ~ x\"     vel 100 prob saw 0.5..1"),
        ("hat vel mini * tri", "hat   \"x*16\"        vel \"90 60 75 60\"", "hat   \"x*16\"        vel \"90 60 75 60\" * tri 0.8..1.2 over 2 bars"),
        ("bass legato tri", "play \"c2 e2 g2 c3\" legato 0.9", "play \"c2 e2 g2 c3\" legato tri 0.5..1 over 4 bars"),
        ("arp vel rand", "play \"[c4 e4 g4 b4]*4\" legato 0.5 vel 90", "play \"[c4 e4 g4 b4]*4\" legato 0.5 vel rand 40..110"),
    ];

    public static int Run(string[] args)
    {
        var bars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
        var plain = File.ReadAllText(Inputs.PathOf(Inputs.ThreeTrack));
        var variants = new List<(string Name, string Text, bool Cache)> { ("plain", plain, true) };
        foreach (var (lane, from, to) in Lanes)
        {
            if (!plain.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"three-track.seq no longer has '{from}'");
            variants.Add((lane + " alone", plain.Replace(from, to, StringComparison.Ordinal), true));
        }
        variants.Add(("three-track-signals.seq", File.ReadAllText(Inputs.PathOf("three-track-signals.seq")), true));
        variants.Add(("plain, period cache off", plain, false));
        variants.Add(("cc-sweep.seq (stepped lane)", File.ReadAllText(Inputs.PathOf("cc-sweep.seq")), true));

        Console.WriteLine($"{bars:N0} bars, {runs} warm runs, JIT; events = EventStream alone, render = PieceRenderer.Render (events, ticks, order, SMF chunks)");
        Console.WriteLine($"{"variant",-30} {"events",9} {"render",9} {"first",9} {"alloc",9} {"notes",9}  lanes without a period (computed every bar)");
        // Two passes, the first unprinted: with tiered compilation, whichever variant ran first would pay for the JIT.
        foreach (var print in new[] { false, true })
        foreach (var (name, text, cache) in variants)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            var piece = Inputs.CompileOrThrow(name, bytes);
            var uncached = piece.Tracks.SelectMany(t => t.Lanes).Where(l => l.Stepped is null && (!cache || CachedPeriod(l) is null)).Select(l => l.FullName).ToList();
            var stepped = piece.Tracks.SelectMany(t => t.Lanes).Where(l => l.Stepped is not null).Select(l => l.FullName + " (stepped)");
            var notes = 0;
            double Events()
            {
                var watch = Stopwatch.StartNew();
                var stream = new EventStream(piece, cachePeriodicLanes: cache);
                var output = new List<PieceEvent>(64);
                var diagnostics = new DiagnosticBag();
                notes = 0;
                for (var bar = 0L; bar < bars; bar++)
                {
                    output.Clear();
                    if (!stream.Bar(bar, output, diagnostics)) throw new InvalidOperationException($"{name}: bar {bar} failed");
                    notes += output.Count;
                }
                return watch.Elapsed.TotalMilliseconds;
            }
            double Render()
            {
                var watch = Stopwatch.StartNew();
                // The renderer has no switch for the cache; "cache off" is measured on the events only.
                _ = PieceRenderer.Render(piece, 0, bars, 480, new DiagnosticBag()) ?? throw new InvalidOperationException($"{name}: render failed");
                return watch.Elapsed.TotalMilliseconds;
            }
            var first = Render();
            var events = Median(Enumerable.Range(0, runs).Select(_ => Events()));
            var render = cache ? Median(Enumerable.Range(0, runs).Select(_ => Render())) : double.NaN;
            var before = GC.GetAllocatedBytesForCurrentThread();
            Render();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (print) Console.WriteLine($"{name,-30} {events,6:F1} ms {(cache ? $"{render,6:F1} ms" : "      -  "),9} {first,6:F1} ms {allocated / 1e6,6:F1} MB {notes,9:N0}  {string.Join(", ", uncached.Concat(stepped))}");
        }
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The lane's whole period in bars when EventStream caches it (a whole period of at most 256 bars), else null.</summary>
    private static long? CachedPeriod(SeqLang.Compiler.Lanes.CompiledLane lane) =>
        SeqLang.Patterns.Periods.Whole(lane.Pattern.Period) is { } p && p.Numerator <= 256 ? p.Numerator : null;
}
