using System.Diagnostics.Tracing;
using SeqLang.Compiler;

namespace SeqLang.Benchmarks;

/// <summary>
/// Where <c>seq check</c> allocates, by type: the runtime's allocation ticks (one event about every 100 KB,
/// naming the type that crossed the mark) summed over several checks of five-thousand-lines.seq. A sample,
/// not a count: types that allocate little may not show. Usage: <c>-- --allocations [RUNS]</c>.
/// </summary>
public static class AllocationSampler
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var path = Inputs.PathOf(Inputs.FiveThousandLines);
        var bytes = File.ReadAllBytes(path);
        SeqCompiler.Compile(path, bytes, new CompileOptions(DiagnosticsOnly: true));

        using var listener = new TickListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++) SeqCompiler.Compile(path, bytes, new CompileOptions(DiagnosticsOnly: true));
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
        listener.Dispose();

        var total = listener.ByType.Values.Sum();
        Console.WriteLine($"check five-thousand-lines.seq: {allocated / 1e6:F1} MB a check; sampled by type ({runs} checks):");
        foreach (var (type, amount) in listener.ByType.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine($"{100.0 * amount / total,6:F1} %  {amount / (double)runs / 1e6,7:F2} MB  {type}");
        }
        return 0;
    }

    private sealed class TickListener : EventListener
    {
        public readonly Dictionary<string, long> ByType = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            // Keyword 0x1 is GC; allocation ticks come at the verbose level.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (ByType) ByType[type] = ByType.GetValueOrDefault(type) + amount;
        }
    }
}
