using SeqLang.Compiler.Lanes;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Piece;

/// <summary>A checked track: its MIDI channel (0..15 on the wire), header program/bank, and lanes in file order.</summary>
public sealed record CompiledTrack(
    int Index,
    string Name,
    int Channel,
    int? Program,
    int? BankMsb,
    int? BankLsb,
    string? Kit,
    IReadOnlyList<CompiledLane> Lanes,
    SourceSpan Span);
