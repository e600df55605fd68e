namespace SeqLang.Compiler.Piece;

/// <summary>The compiled piece both back ends consume: settings and tracks of lane patterns.</summary>
public sealed class CompiledPiece
{
    public CompiledPiece(PieceSettings settings, IReadOnlyList<CompiledTrack> tracks)
    {
        Settings = settings;
        Tracks = tracks;
    }

    public PieceSettings Settings { get; }
    public IReadOnlyList<CompiledTrack> Tracks { get; }
}
