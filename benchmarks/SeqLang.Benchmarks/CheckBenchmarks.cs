using BenchmarkDotNet.Attributes;
using SeqLang.Compiler;

namespace SeqLang.Benchmarks;

/// <summary>
/// (c) What <c>seq check</c> does for one file, minus process start and printing: compile a
/// 5,000-line file (249 tracks of 17 or 18 lanes) to diagnostics alone, as <c>check</c> does: it never renders.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _path = "";
    private byte[] _bytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _path = Inputs.PathOf(Inputs.FiveThousandLines);
        _bytes = File.ReadAllBytes(_path);
        Inputs.CompileOrThrow(_path, _bytes);
    }

    [Benchmark(Description = "check five-thousand-lines.seq")]
    public int CheckFiveThousandLines() => SeqCompiler.Compile(_path, _bytes, new CompileOptions(DiagnosticsOnly: true)).Diagnostics.Count;
}
