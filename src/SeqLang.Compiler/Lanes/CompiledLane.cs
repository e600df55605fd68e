using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// A lane ready to be queried: its pattern of notes (or controller values) with every modifier applied,
/// and where it plays. <see cref="LaneIndex"/> is the lane's position in its track's list. <see cref="Sections"/> is null for a lane outside any <c>in</c> block.
/// <see cref="UsesHarmony"/> marks lanes with <c>root</c>, <c>chord</c> or tones, whose pitches are known only with the chord.
/// <see cref="Stepped"/> is set for a control lane read every step (its pattern is then silent). <see cref="Strum"/> and
/// <see cref="Glide"/> shape the lane's final notes (the event stream applies them, after chords are voiced).
/// <see cref="StructurePeriod"/> is the period of the lane's events before its signals are read, for a lane whose
/// values (random ones included) are read at final onsets: its events repeat though its values may not.
/// <see cref="HasGenerators"/> marks a lane with value generators (<c>walk</c>, <c>logistic</c>, <c>markov</c>, <c>turing</c>), whose
/// state the event stream walks from bar 0. <see cref="Channels"/> are the channels the lane may send on (its track's and any <c>chan</c>'s), when it bends.
/// </summary>
public sealed record CompiledLane(
    string Name,
    string FullName,
    int TrackIndex,
    int LaneIndex,
    LaneKind Kind,
    int? Controller,
    Pattern<LaneNote> Pattern,
    bool Muted,
    IReadOnlySet<string>? Sections,
    string Voicing,
    SourceSpan Span,
    bool UsesHarmony = false,
    SteppedControl? Stepped = null,
    StrumSpec? Strum = null,
    GlideSpec? Glide = null,
    Rational? StructurePeriod = null,
    IReadOnlyList<int>? Channels = null,
    bool HasGenerators = false);
