using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler;

/// <summary>The outcome of compiling one file: its diagnostics, and the piece when there were no errors.</summary>
public sealed class Compilation
{
    public Compilation(SourceText source, IReadOnlyList<Diagnostic> diagnostics, CompiledPiece? piece)
    {
        Source = source;
        Diagnostics = diagnostics;
        Piece = piece;
    }

    public SourceText Source { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public CompiledPiece? Piece { get; }
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
