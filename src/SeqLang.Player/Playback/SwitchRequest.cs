using SeqLang.Compiler.Piece;

namespace SeqLang.Player;

/// <summary>Where a new version of the piece takes over.</summary>
public enum SwitchPoint
{
    /// <summary>At the first bar line far enough ahead (a reload, a pad edit, a section jump).</summary>
    NextBar,
    /// <summary>At the first sixteenth far enough ahead (a knob on a lane's modifier).</summary>
    NextStep,
}

/// <summary>
/// A new version of the piece to play from a point ahead of the clock, keeping the bar count (so section,
/// harmony and seeded choices continue: they are pure functions of the bar). <see cref="Build"/> is called
/// on the producer thread with the bar where the switch lands (a jump enters its section there) and must be
/// quick; <see cref="Applied"/> then hears the bar (null build result: nothing changes).
/// </summary>
public sealed record SwitchRequest(Func<long, CompiledPiece?> Build, SwitchPoint At, Action<long>? Applied = null);
