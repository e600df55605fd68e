using SeqLang.Core.Text;

namespace SeqLang.Compiler.Control;

/// <summary>
/// <c>feedback "PORT" ...</c>: what the player shows on a controller's pads, as note-on messages on
/// <see cref="Channel"/> (0..15) of the output port matching <see cref="Port"/>. A pad's state is sent as a note-on
/// with velocity <see cref="Off"/> or <see cref="On"/> (0 means dark on every device; Launchpads read the
/// velocity as a colour).
/// </summary>
public abstract record ControlFeedback(string Port, int Channel, int Off, int On, string Text, SourceSpan Span);

/// <summary>
/// <c>feedback "PORT" steps TRACK.LANE notes A..B</c>: pad i (note A + i) shows step i of the lane: <see cref="ControlFeedback.On"/>
/// when it plays, <see cref="ControlFeedback.Off"/> when it rests, and <see cref="Playhead"/> while the step is the current one.
/// </summary>
public sealed record StepsFeedback(string Port, int Channel, int Track, int Lane, int FirstNote, int LastNote, int Off, int On, int Playhead,
    LaneSteps Steps, string Text, SourceSpan Span) : ControlFeedback(Port, Channel, Off, On, Text, Span)
{
    public int Count => LastNote - FirstNote + 1;
}

/// <summary>
/// <c>feedback "PORT" mute TRACK[.LANE] note N</c>: the pad is lit (<see cref="ControlFeedback.On"/>) while the target
/// is muted and dark (<see cref="ControlFeedback.Off"/>) while it plays. A track counts as muted when all its lanes are.
/// </summary>
public sealed record MuteFeedback(string Port, int Channel, int Track, int? Lane, int Note, int Off, int On, string Text, SourceSpan Span)
    : ControlFeedback(Port, Channel, Off, On, Text, Span);
