using BenchmarkDotNet.Running;

namespace SeqLang.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SeqLang.Benchmarks -- --filter '*'</c>
/// (BenchmarkDotNet's own options apply, e.g. <c>--job short</c> for a quick look), or
/// <c>-- --breakdown</c> for a Stopwatch split of one render into compile, render and write, or
/// <c>-- --control-latency [N]</c> for live control: from a controller message to its effect on what is sent, or
/// <c>-- --allocations [RUNS]</c> for what <c>seq check</c> allocates, by type, or
/// <c>-- --signal-cost [BARS] [RUNS]</c> for what each lane's signal in three-track-signals.seq costs a render.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--breakdown") return Breakdown.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "--allocations") return AllocationSampler.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "--signal-cost") return SignalCost.Run(args.Skip(1).ToArray());
        if (args.Length > 0 && args[0] == "--control-latency") return ControlLatency.Run(args.Skip(1).ToArray());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
