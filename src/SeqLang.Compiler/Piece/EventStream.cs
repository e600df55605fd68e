using SeqLang.Compiler.Harmony;
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

    /// <summary>Lanes whose period is longer than this are computed bar by bar: the cache would cost more memory than it saves.</summary>
    private const long MaxCachedPeriod = 256;

    private readonly CompiledPiece _piece;
    private readonly List<Hap<LaneNote>> _haps = new();
    private readonly HashSet<string> _warnedLanes = new(StringComparer.Ordinal);
    private readonly List<PieceEvent> _scratch = new();
    private readonly HashSet<string> _silentLanes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Lane, int Octave), LeadVoiceChain> _leadChains = new();
    // Per lane (tracks flattened in order): the events of each bar of one period, timed from the bar's start,
    // or null when the lane is not periodic. Bar b is then bar b mod P moved by whole cycles, exactly.
    private readonly PieceEvent[]?[]?[] _periodBars;

    /// <param name="piece">The compiled piece.</param>
    /// <param name="cachePeriodicLanes">
    /// Answer periodic lanes from one computed period (the default). False computes every bar afresh: the
    /// same events, more slowly; the tests compare the two.
    /// </param>
    public EventStream(CompiledPiece piece, bool cachePeriodicLanes = true)
    {
        _piece = piece;
        var lanes = piece.Tracks.SelectMany(t => t.Lanes).ToList();
        _periodBars = new PieceEvent[]?[]?[lanes.Count];
        for (var i = 0; i < lanes.Count; i++)
        {
            // A lane that follows the chords changes with the harmony, whatever its pattern's period.
            if (cachePeriodicLanes && !lanes[i].UsesHarmony && Periods.Whole(lanes[i].Pattern.Period) is { } p && p.Numerator <= MaxCachedPeriod)
                _periodBars[i] = new PieceEvent[]?[p.Numerator];
        }
    }

    /// <summary>
    /// Appends the events starting in <paramref name="bar"/>, track by track and lane by lane in file order,
    /// each lane's in time order. Returns false after reporting when a lane breaks a limit.
    /// </summary>
    public bool Bar(long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        // Past the form's end the piece is silent (a render asked for more bars than the form has).
        if (_piece.Form.SectionAt(bar) is not { } position) return true;
        var section = position.Section;
        var laneNumber = -1;
        foreach (var track in _piece.Tracks)
        {
            foreach (var lane in track.Lanes)
            {
                laneNumber++;
                if (lane.Muted || !PlaysIn(lane, section)) continue;
                if (_periodBars[laneNumber] is not { } slots)
                {
                    if (!Compute(track, lane, bar, output, diagnostics)) return false;
                    continue;
                }
                var slot = bar % slots.Length;
                if (slot < 0) slot += slots.Length;
                if (slots[slot] is not { } events)
                {
                    _scratch.Clear();
                    if (!Compute(track, lane, bar, _scratch, diagnostics)) return false;
                    events = new PieceEvent[_scratch.Count];
                    for (var i = 0; i < events.Length; i++)
                    {
                        var e = _scratch[i];
                        events[i] = e with { Begin = e.Begin - bar, End = e.End - bar, Bar = 0 };
                    }
                    slots[slot] = events;
                }
                foreach (var e in events) output.Add(e with { Begin = e.Begin + bar, End = e.End + bar, Bar = bar });
            }
        }
        return true;
    }

    private bool Compute(CompiledTrack track, CompiledLane lane, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        _haps.Clear();
        var result = lane.Pattern.TryQuery(new Arc(bar, bar + 1), _haps, QueryLimits.Default);
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
        return true;
    }

    private static bool PlaysIn(CompiledLane lane, string section) => lane.Sections is null || lane.Sections.Contains(section);

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
        var pitches = note.Atom.Harmony == HarmonyRef.None ? note.Atom.Pitches : Follow(lane, note.Atom, begin, bar, diagnostics);
        foreach (var pitch in pitches)
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

    /// <summary>
    /// The pitches of <c>root</c>, <c>chord</c> or a tone number against the chord in force at the event's onset;
    /// none (after a warning, once per lane) where no chord is.
    /// </summary>
    private IReadOnlyList<int> Follow(CompiledLane lane, Atom atom, Rational onset, long bar, DiagnosticBag diagnostics)
    {
        if (_piece.Harmony?.ChordAt(onset) is not { } chord)
        {
            var word = atom.Harmony switch { HarmonyRef.Root => "root", HarmonyRef.Chord => "chord", _ => atom.ToneIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (_silentLanes.Add(lane.FullName)) diagnostics.Add(Codes.NoChordInForce, lane.Span, lane.FullName, word, bar);
            return Array.Empty<int>();
        }
        switch (atom.Harmony)
        {
            case HarmonyRef.Root:
                return new[] { ChordVoicing.Root(chord, atom.Octave) };
            case HarmonyRef.Tone:
                return new[] { ChordVoicing.ChordTone(chord, atom.ToneIndex, atom.Octave) };
            default:
                ChordVoicing.TryParseVoicing(lane.Voicing, out var voicing);
                if (voicing != Voicing.Lead) return ChordVoicing.Voice(chord, atom.Octave, voicing);
                var key = (lane.FullName, atom.Octave);
                if (!_leadChains.TryGetValue(key, out var chain)) _leadChains[key] = chain = new LeadVoiceChain(_piece.Harmony!, atom.Octave);
                return chain.VoicingAt(onset, chord);
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
