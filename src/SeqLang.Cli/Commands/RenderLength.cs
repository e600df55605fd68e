using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Cli.Commands;

/// <summary>How many bars a render covers when <c>--bars</c> is not given (SPEC §8).</summary>
public static class RenderLength
{
    /// <summary>A piece that never ends is capped at 60 minutes of music, with a warning saying how to choose.</summary>
    public static long Default(CompiledPiece piece, DiagnosticBag diagnostics)
    {
        var bars = Math.Max(1, (3600 / piece.Settings.SecondsPerBar).Floor());
        diagnostics.Add(Codes.EndlessPieceCapped, new SourceSpan(0, 0), bars);
        return bars;
    }
}
