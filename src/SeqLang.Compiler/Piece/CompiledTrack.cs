using SeqLang.Compiler.Lanes;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Piece;

/// <summary>
/// A checked track: its MIDI channel (0..15 on the wire), header program/bank, and lanes in file order.
/// <see cref="BendRange"/> is the track's <c>bend R</c> in semitones (SPEC §13, default 2); <see cref="SendsBendRange"/>
/// is set when the track has <c>bend</c> lanes or <c>glide</c>, so it sends RPN 0 = R at tick 0 and is re-centred at the end.
/// <see cref="Drums"/> is the kit's drum names and notes on a drum track (null on a pitched one), for tools that write
/// atoms back (<c>seq freeze</c>).
/// </summary>
public sealed record CompiledTrack(
    int Index,
    string Name,
    int Channel,
    int? Program,
    int? BankMsb,
    int? BankLsb,
    string? Kit,
    IReadOnlyList<CompiledLane> Lanes,
    SourceSpan Span,
    int BendRange = 2,
    bool SendsBendRange = false,
    IReadOnlyList<int>? BendChannels = null,
    IReadOnlyDictionary<string, int>? Drums = null)
{
    /// <summary>The channels that get the bend range: those the track's bending lanes send on (a lane's <c>chan</c> too).</summary>
    public IReadOnlyList<int> BendRangeChannels => BendChannels ?? new[] { Channel };
}
