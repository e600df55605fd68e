namespace SeqLang.Roll;

/// <summary>
/// What a piano roll shows, in ticks from the first bar drawn (bar <see cref="FromBar"/> at tick 0), exactly as the
/// MIDI file of the same bars holds it: one <see cref="RollNote"/> per note-on of the file.
/// </summary>
public sealed record RollPicture(
    string Title,
    int Ppq,
    long FromBar,
    long ToBar,
    IReadOnlyList<long> BarTicks,
    IReadOnlyList<RollSpan> Sections,
    IReadOnlyList<RollSpan> Chords,
    IReadOnlyList<RollTrack> Tracks)
{
    /// <summary>The tick where the last bar drawn ends.</summary>
    public long EndTick => BarTicks[^1];

    public int NoteCount => Tracks.Sum(t => t.Notes.Count);
}

/// <summary>A labelled stretch of the time axis: a section entry or a chord in force (<see cref="Label"/> null: no chord).</summary>
public sealed record RollSpan(long StartTick, long EndTick, string? Label);

/// <summary>
/// One track's lane: its rows (MIDI note numbers, highest first; for drums only the drums played, else every
/// pitch from the lowest to the highest played), its notes, and its controller curves.
/// </summary>
public sealed record RollTrack(string Name, int Index, bool IsDrums, IReadOnlyList<int> Rows, IReadOnlyList<RollNote> Notes, IReadOnlyList<RollCurve> Curves);

/// <summary>A note as the file plays it: from its note-on to its note-off, in ticks.</summary>
public readonly record struct RollNote(long StartTick, long EndTick, int Channel, int Key, int Velocity);

/// <summary>
/// A controller, pitch bend or channel pressure as steps over time: each point holds from its tick to the next.
/// <see cref="Name"/> says which ("cc74", "bend", "pressure"); values are scaled to 0..1 of their range in
/// <see cref="RollPoint.Level"/> thousandths (0..1000), so they draw alike.
/// </summary>
public sealed record RollCurve(string Name, int Channel, IReadOnlyList<RollPoint> Points);

public readonly record struct RollPoint(long Tick, int Level);
