namespace SeqLang.Compiler.Control;

/// <summary>
/// The live-control statements of a piece, checked (docs/live-control.md): controller <see cref="Mappings"/>,
/// pad <see cref="Feedback"/> and terminal <see cref="Keys"/>, each in file order. Track and lane indices are those
/// of the compiled piece (<c>CompiledLane.TrackIndex</c>/<c>LaneIndex</c>, as <c>PieceEvent.Track</c>/<c>Lane</c>).
/// </summary>
public sealed record ControlMap(IReadOnlyList<ControlMapping> Mappings, IReadOnlyList<ControlFeedback> Feedback, IReadOnlyList<KeyBinding> Keys)
{
    /// <summary>A piece with no live-control statements.</summary>
    public static ControlMap Empty { get; } = new(Array.Empty<ControlMapping>(), Array.Empty<ControlFeedback>(), Array.Empty<KeyBinding>());

    public bool IsEmpty => Mappings.Count == 0 && Feedback.Count == 0 && Keys.Count == 0;
}
