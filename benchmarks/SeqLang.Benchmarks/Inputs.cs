using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Benchmarks;

/// <summary>
/// The .seq files of <c>benchmarks/inputs/</c>. BenchmarkDotNet runs each benchmark in a child
/// process built in a folder of its own, so the files are looked for next to the program first
/// (where the build copies them), then in every parent folder's <c>benchmarks/inputs</c>.
/// </summary>
public static class Inputs
{
    public const string ThreeTrack = "three-track.seq";
    public const string FourBar = "four-bar.seq";
    public const string FiveThousandLines = "five-thousand-lines.seq";

    /// <summary>Notes a bar of <see cref="ThreeTrack"/>: drums 4 + 2 + 16, bass 4, arpeggio 16.</summary>
    public const int ThreeTrackNotesPerBar = 42;

    public static string PathOf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "inputs", name), Path.Combine(dir.FullName, "benchmarks", "inputs", name) })
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException($"benchmark input '{name}' not found next to {AppContext.BaseDirectory} or in any parent's benchmarks/inputs");
    }

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>
    /// Compiles and insists on success: a benchmark that silently measured the error path
    /// (an input broken by a language change) would report a fast, meaningless number.
    /// </summary>
    public static CompiledPiece CompileOrThrow(string path, byte[] bytes)
    {
        var compilation = SeqCompiler.Compile(path, bytes, new CompileOptions());
        return compilation.Piece ?? throw new InvalidOperationException(Describe(compilation));
    }

    public static string Describe(Compilation compilation) =>
        $"{compilation.Source.Path} does not compile:{Environment.NewLine}" +
        string.Join(Environment.NewLine, compilation.Diagnostics.Where(d => d.IsError).Take(20).Select(d =>
        {
            var (line, column) = compilation.Source.GetLineColumn(d.Span.Start);
            return $"  {line}:{column}: {d.Code} {d.Message}";
        }));

    /// <summary>The render as the renderer's callers make it: 480 ticks a quarter, from bar 0.</summary>
    public static byte[] Render(CompiledPiece piece, int bars)
    {
        var diagnostics = new DiagnosticBag();
        var content = PieceRenderer.Render(piece, 0, bars, 480, diagnostics)
            ?? throw new InvalidOperationException($"render failed: {string.Join("; ", diagnostics.Items.Select(d => d.Message))}");
        return SmfWriter.ToBytes(content);
    }
}
