using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Cli.Commands;

/// <summary>How many bars a render covers when <c>--bars</c> is not given (SPEC §8).</summary>
public static class RenderLength
{
    /// <summary>
    /// To the form's end, counted from <paramref name="from"/>; a piece that never ends is capped at 60 minutes
    /// of music, with a warning saying how to choose. Null when <paramref name="from"/> is at or past the end.
    /// </summary>
    public static long? Default(CompiledPiece piece, long from, DiagnosticBag diagnostics)
    {
        if (piece.Form.EndBar is { } end) return end > from ? end - from : null;
        var bars = Math.Max(1, (3600 / piece.Settings.SecondsPerBar).Floor());
        diagnostics.Add(Codes.EndlessPieceCapped, new SourceSpan(0, 0), bars);
        return bars;
    }
}
