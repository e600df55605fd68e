using BenchmarkDotNet.Attributes;
using SeqLang.Compiler;
using SeqLang.Compiler.Lanes;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Benchmarks;

/// <summary>
/// (d) Querying one compiled lane (its mini-notation pattern with the lane's modifiers) for 1,000
/// cycles, one cycle per query with the renderer's limits, as <see cref="SeqLang.Compiler.Piece.EventStream"/> does.
/// </summary>
[MemoryDiagnoser]
public class LaneQueryBenchmarks
{
    /// <summary>One-lane files, from the plain to the patterned-argument case.</summary>
    private static readonly Dictionary<string, string> Lanes = new()
    {
        ["hat x*16 vel"] = "track drums channel 10 {\n  hat \"x*16\" vel \"90 60 75 60\"\n}\n",
        ["arp [c4 e4 g4 b4]*4"] = "track arp channel 1 {\n  play \"[c4 e4 g4 b4]*4\" legato 0.5 vel 90\n}\n",
        ["bass <> degrees"] = "key E minor\ntrack bass channel 2 {\n  play \"<0 0 5 3> ~ <0 0 5 3> [<0 0 5 3> <7 7 4 6>]\" degrees octave 2 legato 0.9\n}\n",
        ["euclid x(<3 5>,8,<0 2>)"] = "track perc channel 10 {\n  cowbell \"x(<3 5>,8,<0 2>)\" vel 80\n}\n",
    };

    private Pattern<LaneNote> _pattern = null!;
    private readonly List<Hap<LaneNote>> _haps = new();

    [ParamsSource(nameof(LaneNames))]
    public string Lane { get; set; } = "";

    public static IEnumerable<string> LaneNames => Lanes.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var compilation = SeqCompiler.Compile(new SourceText("lane.seq", Lanes[Lane]), new CompileOptions());
        var piece = compilation.Piece ?? throw new InvalidOperationException(Inputs.Describe(compilation));
        _pattern = piece.Tracks[0].Lanes[0].Pattern;
    }

    [Benchmark(Description = "query 1,000 cycles")]
    public int Query1000Cycles()
    {
        var onsets = 0;
        for (long cycle = 0; cycle < 1000; cycle++)
        {
            _haps.Clear();
            var result = _pattern.TryQuery(new Arc(cycle, cycle + 1), _haps, QueryLimits.Default);
            if (!result.IsOk) throw new InvalidOperationException($"cycle {cycle}: {result.Status}");
            foreach (var hap in _haps)
            {
                if (hap.HasOnset) onsets++;
            }
        }
        return onsets;
    }
}
