using SeqLang.Compiler.Form;

namespace SeqLang.Compiler.Piece;

/// <summary>The compiled piece both back ends consume: settings, tracks of lane patterns, and the form's timeline.</summary>
public sealed class CompiledPiece
{
    public CompiledPiece(PieceSettings settings, IReadOnlyList<CompiledTrack> tracks, FormTimeline? form = null)
    {
        Settings = settings;
        Tracks = tracks;
        Form = form ?? new FormTimeline(FormGraph.WholePiece, settings.Seed);
    }

    public PieceSettings Settings { get; }
    public IReadOnlyList<CompiledTrack> Tracks { get; }

    /// <summary>Which section plays in each bar, and where the piece ends (SPEC §5).</summary>
    public FormTimeline Form { get; }
}
