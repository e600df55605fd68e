using BenchmarkDotNet.Attributes;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Benchmarks;

/// <summary>
/// (b) Rendering the benchmark piece (42 notes a bar) in memory, as <c>seq render --bars N</c> does
/// minus process start and the file write: compile, render to tick-level tracks, serialise the SMF.
/// The split benchmarks show where the time of the whole goes.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private string _path = "";
    private byte[] _bytes = Array.Empty<byte>();
    private CompiledPiece _piece = null!;
    private MidiFileContent _content = null!;

    [Params(10_000)]
    public int Bars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Inputs.PathOf(Inputs.ThreeTrack);
        _bytes = File.ReadAllBytes(_path);
        _piece = Inputs.CompileOrThrow(_path, _bytes);
        _content = PieceRenderer.Render(_piece, 0, Bars, 480, new DiagnosticBag())!;
        var notes = _content.Tracks.Sum(t => t.Messages.Count(m => m.Kind == MidiMessageKind.NoteOn && m.Data2 > 0));
        if (notes != Inputs.ThreeTrackNotesPerBar * Bars)
            throw new InvalidOperationException($"expected {Inputs.ThreeTrackNotesPerBar * Bars} notes, rendered {notes}: the benchmark piece has changed");
    }

    [Benchmark(Baseline = true, Description = "compile + render + SMF bytes")]
    public byte[] CompileRenderWrite()
    {
        var piece = SeqCompiler.Compile(_path, _bytes, new CompileOptions()).Piece!;
        var content = PieceRenderer.Render(piece, 0, Bars, 480, new DiagnosticBag())!;
        return SmfWriter.ToBytes(content);
    }

    [Benchmark(Description = "render only (compiled piece)")]
    public MidiFileContent? RenderOnly() => PieceRenderer.Render(_piece, 0, Bars, 480, new DiagnosticBag());

    [Benchmark(Description = "SMF bytes only (rendered content)")]
    public byte[] WriteOnly() => SmfWriter.ToBytes(_content);
}
