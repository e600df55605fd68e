using SeqLang.Compiler.Control;

namespace SeqLang.Player.Control;

/// <summary>
/// What controller feedback needs from live control (which lives in the CLI: it compiles and writes files): the
/// mappings of the version playing, lane ids for live state, and a signal when either changed.
/// </summary>
public interface IMappedControls
{
    /// <summary>The mappings and feedback of the version playing.</summary>
    ControlMap Controls { get; }

    /// <summary>The live-control ids of a lane, or of every lane of a track (lane null).</summary>
    int[] LaneIds(int track, int? lane);

    /// <summary>Raised when the version playing, its steps or a mute changed.</summary>
    event Action? Changed;
}
