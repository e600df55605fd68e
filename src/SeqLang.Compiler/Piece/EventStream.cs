using SeqLang.Compiler.Lanes;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Piece;

/// <summary>
/// Produces the events of one bar at a time, for both back ends. A bar's events depend only on the
/// piece and the bar number (every pattern is a pure query, randomness a function of position), so
/// the renderer and the player, querying the same bar, get the same events. Not thread-safe: each
/// consumer owns its stream (the buffers are reused from bar to bar).
/// </summary>
public sealed class EventStream
{
    /// <summary>SPEC §10: a render beyond this many events is refused.</summary>
    public const long MaxRenderEvents = 10_000_000;

    private readonly CompiledPiece _piece;
    private readonly List<Hap<LaneNote>> _haps = new();
    private readonly HashSet<string> _warnedLanes = new(StringComparer.Ordinal);

    public EventStream(CompiledPiece piece) => _piece = piece;

    /// <summary>
    /// Appends the events starting in <paramref name="bar"/>, track by track and lane by lane in file order,
    /// each lane's in time order. Returns false after reporting when a lane breaks a limit.
    /// </summary>
    public bool Bar(long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        var arc = new Arc(bar, bar + 1);
        foreach (var track in _piece.Tracks)
        {
            foreach (var lane in track.Lanes)
            {
                if (lane.Muted || !PlaysIn(lane, bar)) continue;
                _haps.Clear();
                var result = lane.Pattern.TryQuery(arc, _haps, QueryLimits.Default);
                if (!result.IsOk)
                {
                    Report(diagnostics, lane, bar, result);
                    return false;
                }
                _haps.Sort(static (a, b) => a.Whole!.Value.Begin.CompareTo(b.Whole!.Value.Begin));
                foreach (var hap in _haps)
                {
                    if (!hap.HasOnset) continue;
                    Emit(track, lane, hap, bar, output, diagnostics);
                }
            }
        }
        return true;
    }

    private static bool PlaysIn(CompiledLane lane, long bar) => lane.Sections is null || lane.Sections.Contains("main");

    private void Emit(CompiledTrack track, CompiledLane lane, Hap<LaneNote> hap, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        var note = hap.Value;
        if (note.Silent) return;
        var whole = hap.Whole!.Value;
        var begin = whole.Begin;
        if (lane.Kind == LaneKind.Control)
        {
            output.Add(new PieceEvent(PieceEventKind.Control, track.Index, lane.LaneIndex, note.Channel, lane.Controller!.Value, note.Atom.Pitches[0], begin, begin, bar));
            return;
        }
        var end = begin + (whole.End - whole.Begin) * note.Legato;
        foreach (var pitch in note.Atom.Pitches)
        {
            var key = pitch + note.Transpose;
            if (key is < 0 or > 127)
            {
                if (_warnedLanes.Add(lane.FullName)) diagnostics.Add(Codes.NoteDropped, lane.Span, lane.FullName, key, bar);
                continue;
            }
            output.Add(new PieceEvent(PieceEventKind.Note, track.Index, lane.LaneIndex, note.Channel, key, note.VelocityOrAccent, begin, end, bar));
        }
    }

    private static void Report(DiagnosticBag diagnostics, CompiledLane lane, long bar, QueryResult result)
    {
        switch (result.Status)
        {
            case QueryStatus.TooManyEvents:
                diagnostics.Add(Codes.TooManyEventsInCycle, lane.Span, lane.FullName, QueryLimits.Default.MaxEvents, bar);
                break;
            case QueryStatus.TooMuchWork:
                diagnostics.Add(Codes.TooMuchWork, lane.Span, lane.FullName, bar);
                break;
            case QueryStatus.Overflow:
                diagnostics.Add(Codes.TimeOverflow, lane.Span, lane.FullName, bar);
                break;
            default:
                diagnostics.Add(Codes.BadPatternArgument, lane.Span, lane.FullName, bar, result.Message);
                break;
        }
    }
}
