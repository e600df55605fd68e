using SeqLang.Compiler.Form;
using SeqLang.Core.Time;

namespace SeqLang.Player.Status;

/// <summary>
/// What the status line shows at one moment, gathered by the thread that prints it (see <see cref="StatusLine"/>).
/// </summary>
/// <param name="Bar">The bar playing, counted from 0 as <c>seq events</c> and <c>--bars A:B</c> count.</param>
/// <param name="Section">Where the bar falls in the form (<c>piece.Form.SectionAt(bar)</c>): its bar within the section is 1-based.</param>
/// <param name="Chords">The bar's chords in order, "~" for a gap (as <c>seq events</c>' header lists them); empty with no harmony.</param>
/// <param name="BeatsPerMinute">The tempo in force, exact (a ramp's current step).</param>
/// <param name="Tracks">Each track's name and how long ago it last sent a note, in file order.</param>
public sealed record StatusSnapshot(
    long Bar,
    SectionPosition? Section,
    IReadOnlyList<string> Chords,
    Rational BeatsPerMinute,
    IReadOnlyList<TrackActivity> Tracks);

/// <param name="Name">The track's name.</param>
/// <param name="SinceLastNote">Time since the track last sent a note-on; null if it has sent none yet.</param>
public readonly record struct TrackActivity(string Name, TimeSpan? SinceLastNote);
