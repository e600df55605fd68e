using SeqLang.Compiler;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Text;

namespace SeqLang.Midi.Tests.Support;

/// <summary>
/// Pieces with bend and pressure lanes before the language has their syntax: compiled from source where
/// <c>cc 1</c> lanes stand for bend lanes (value v becomes wheel position v × 128, capped at 16383, so 64 is the
/// centre) and <c>cc 2</c> lanes for pressure lanes (values as they are); a track with a bend lane sends its bend
/// range, <paramref name="bendRange"/>. Shared with the player's tests, which link this file.
/// </summary>
public static class BendPieces
{
    public const int BendController = 1, PressureController = 2;

    public static CompiledPiece Compile(string source, int bendRange = 2)
    {
        var compilation = SeqCompiler.Compile(new SourceText("bend.seq", source), new CompileOptions());
        if (compilation.Piece is not { } piece) throw new InvalidOperationException(string.Join("; ", compilation.Diagnostics));
        var tracks = piece.Tracks.Select(track =>
        {
            var lanes = track.Lanes.Select(Rewrite).ToList();
            return track with { Lanes = lanes, BendRange = bendRange, SendsBendRange = lanes.Any(l => l.Kind == LaneKind.Bend) };
        }).ToList();
        return new CompiledPiece(piece.Settings, tracks, piece.Form, piece.Harmony, piece.Tempo, piece.Controls);
    }

    private static CompiledLane Rewrite(CompiledLane lane) => lane switch
    {
        { Kind: LaneKind.Control, Controller: BendController } => lane with
        {
            Kind = LaneKind.Bend,
            Controller = null,
            Pattern = lane.Pattern.Select(n => n with { Atom = n.Atom with { Pitches = [Math.Min(16383, n.Atom.Pitches[0] * 128)] } }),
        },
        { Kind: LaneKind.Control, Controller: PressureController } => lane with { Kind = LaneKind.Pressure, Controller = null },
        _ => lane,
    };
}
