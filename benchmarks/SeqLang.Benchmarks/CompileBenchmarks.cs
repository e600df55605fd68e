using BenchmarkDotNet.Attributes;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;

namespace SeqLang.Benchmarks;

/// <summary>(a) Compiling the benchmark piece: bytes → text → AST → checks → lane patterns.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _path = "";
    private byte[] _bytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _path = Inputs.PathOf(Inputs.ThreeTrack);
        _bytes = File.ReadAllBytes(_path);
        Inputs.CompileOrThrow(_path, _bytes);
    }

    [Benchmark(Description = "compile three-track.seq")]
    public CompiledPiece? CompileThreeTrack() => SeqCompiler.Compile(_path, _bytes, new CompileOptions()).Piece;
}
