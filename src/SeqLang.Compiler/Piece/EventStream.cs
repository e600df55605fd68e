using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Piece;

/// <summary>
/// Produces the events of one bar at a time, for both back ends. A bar's events depend only on the
/// piece and the bar number (every pattern is a pure query, randomness a function of position, form
/// and harmony chains walked from bar 0), so the renderer and the player, querying the same bar, get the
/// same events. Not thread-safe: each consumer owns its stream (the buffers are reused from bar to bar).
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
    private readonly HashSet<string> _silentLanes = new(StringComparer.Ordinal);
    private readonly List<LaneEvent> _scratch = new();
    private readonly Dictionary<(string Lane, int Octave), LeadVoiceChain> _leadChains = new();
    private readonly Dictionary<(Chord Chord, int Octave, Voicing Voicing), int[]> _voicings = new();
    // Per lane (tracks flattened in order): the events of each bar of one period, timed from the bar's start,
    // or null when the lane is not periodic. Bar b is then bar b mod P moved by whole cycles, exactly. Events
    // that follow the chords are kept unresolved and resolved against each bar's harmony.
    private readonly LaneEvent[]?[]?[] _periodBars;
    // Per lane whose values change from bar to bar but whose events repeat (a random velocity): each bar's haps of
    // one period, onsets only, in order, timed from the bar's start; the values are read afresh for every bar.
    private readonly Hap<LaneNote>[]?[]?[] _periodHaps;
    // The chord changes of the bar being produced, found once per bar: most onsets fall in the bar.
    private readonly List<(Rational Time, Chord? Chord)> _changes = new();
    private long _changesBar = -1;
    private readonly bool _includeMuted;
    // Per lane: the last bar this stream produced, so that a stepped control lane sends its value again on the first
    // step of a stream (a render from bar 0, a player starting or switching) and otherwise only when it changes.
    private readonly long[] _lastBar;

    /// <param name="piece">The compiled piece.</param>
    /// <param name="cachePeriodicLanes">
    /// Answer periodic lanes from one computed period (the default). False computes every bar afresh: the
    /// same events, more slowly; the tests compare the two.
    /// </param>
    /// <param name="includeMutedLanes">
    /// Also give the events of lanes marked <c>mute</c>: the player does, and drops them at send time while
    /// the lane stays muted, so that a lane can be unmuted live (SPEC §3).
    /// </param>
    public EventStream(CompiledPiece piece, bool cachePeriodicLanes = true, bool includeMutedLanes = false)
    {
        _piece = piece;
        _includeMuted = includeMutedLanes;
        var lanes = piece.Tracks.SelectMany(t => t.Lanes).ToList();
        _periodBars = new LaneEvent[]?[]?[lanes.Count];
        _periodHaps = new Hap<LaneNote>[]?[]?[lanes.Count];
        _checkpoints = new List<GeneratorStates>?[lanes.Count];
        _cursors = new GeneratorRun?[lanes.Count];
        _cursorBars = new long[lanes.Count];
        Array.Fill(_cursorBars, -1);
        _lastBar = new long[lanes.Count];
        Array.Fill(_lastBar, long.MinValue);
        _harmonyAt = piece.Harmony is null ? null : ChordAt;
        for (var i = 0; i < lanes.Count; i++)
        {
            if (cachePeriodicLanes && Periods.Whole(lanes[i].Pattern.Period) is { } p && p.Numerator <= MaxCachedPeriod)
                _periodBars[i] = new LaneEvent[]?[p.Numerator];
            else if (cachePeriodicLanes && Periods.Whole(lanes[i].StructurePeriod) is { } s && s.Numerator <= MaxCachedPeriod)
                _periodHaps[i] = new Hap<LaneNote>[]?[s.Numerator];
        }
    }

    /// <summary>
    /// An event as a lane's pattern gives it: final, or (<see cref="Follow"/> set) waiting for the chord in force
    /// at its onset, with <see cref="PieceEvent.Number"/> holding the lane's transposition.
    /// </summary>
    /// <see cref="AnchorOffset"/>: where the chord is looked up, relative to the onset (before swing or humanize).
    private readonly record struct LaneEvent(PieceEvent Event, Atom? Follow, Rational AnchorOffset);

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
                if ((lane.Muted && !_includeMuted) || !PlaysIn(lane, section)) continue;
                if (lane.Stepped is { } stepped)
                {
                    Steps(track, lane, stepped, bar, _lastBar[laneNumber] == bar - 1, output);
                    _lastBar[laneNumber] = bar;
                    continue;
                }
                var laneStart = output.Count;
                if (!LaneBar(track, lane, laneNumber, bar, output, diagnostics)) return false;
                if (lane.Strum is { } strum) Strum(output, laneStart, strum);
                if (lane.Glide is { } glide && !Glide(track, lane, laneNumber, glide, bar, output, laneStart, diagnostics)) return false;
            }
        }
        return true;
    }

    /// <summary>Appends one lane's notes (or controller values) of a bar, from the period cache where the lane repeats.</summary>
    private bool LaneBar(CompiledTrack track, CompiledLane lane, int laneNumber, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        if (_periodHaps[laneNumber] is { } hapSlots) return RepeatedHaps(track, lane, laneNumber, hapSlots, bar, output, diagnostics);
        if (_periodBars[laneNumber] is not { } slots)
        {
            _scratch.Clear();
            if (!Compute(track, lane, laneNumber, bar, _scratch, diagnostics)) return false;
            foreach (var e in _scratch) Emit(lane, e, 0, bar, output, diagnostics);
            return true;
        }
        var slot = bar % slots.Length;
        if (slot < 0) slot += slots.Length;
        if (slots[slot] is not { } events)
        {
            _scratch.Clear();
            if (!Compute(track, lane, laneNumber, bar, _scratch, diagnostics)) return false;
            events = new LaneEvent[_scratch.Count];
            for (var i = 0; i < events.Length; i++)
            {
                var e = _scratch[i].Event;
                events[i] = _scratch[i] with { Event = e with { Begin = e.Begin - bar, End = e.End - bar, Bar = 0 } };
            }
            slots[slot] = events;
        }
        foreach (var e in events) Emit(lane, e, bar, bar, output, diagnostics);
        return true;
    }

    /// <summary>A lane whose events repeat but whose values do not: the bar's haps from the period, values read now.</summary>
    private bool RepeatedHaps(CompiledTrack track, CompiledLane lane, int laneNumber, Hap<LaneNote>[]?[] slots, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        var slot = bar % slots.Length;
        if (slot < 0) slot += slots.Length;
        if (PeriodHaps(lane, slots, bar, diagnostics) is not { } haps) return false;
        _scratch.Clear();
        _run = lane.HasGenerators ? StartRun(laneNumber, lane, bar) : null;
        for (var i = 0; i < haps.Length; i++) Collect(track, lane, Moved(haps[i], bar), bar, i, _scratch, diagnostics);
        EndRun(laneNumber, bar);
        foreach (var e in _scratch) Emit(lane, e, 0, bar, output, diagnostics);
        return true;
    }

    /// <summary>The onset haps of a bar from the lane's period, computed the first time its slot is asked.</summary>
    private Hap<LaneNote>[]? PeriodHaps(CompiledLane lane, Hap<LaneNote>[]?[] slots, long bar, DiagnosticBag? diagnostics)
    {
        var slot = bar % slots.Length;
        if (slot < 0) slot += slots.Length;
        if (slots[slot] is { } haps) return haps;
        var list = new List<Hap<LaneNote>>();
        if (!Query(lane, bar, list, diagnostics)) return null;
        var kept = new List<Hap<LaneNote>>(list.Count);
        foreach (var h in list)
            if (h.HasOnset) kept.Add(Moved(h, -bar));
        return slots[slot] = kept.ToArray();
    }

    /// <summary>After a bar read in order, the lane's cursor stands at the next bar's start: the walk need not redo it.</summary>
    private void EndRun(int laneNumber, long bar)
    {
        // A bar before the piece (notes shifted early) reads bar 0's states without moving the cursor to anywhere.
        if (_run is null || bar < 0 || !ReferenceEquals(_run, _cursors[laneNumber])) return;
        _cursorBars[laneNumber] = bar + 1;
        KeepCheckpoint(laneNumber, bar + 1, _run);
    }

    private static Hap<LaneNote> Moved(Hap<LaneNote> hap, long bars) =>
        new(new Arc(hap.Whole!.Value.Begin + bars, hap.Whole.Value.End + bars), new Arc(hap.Part.Begin + bars, hap.Part.End + bars), hap.Value);

    /// <summary>
    /// <c>strum S</c>: in each chord (the lane's notes sharing an onset) the k-th note from the bottom (from the top with
    /// <c>down</c>) starts k·S bars late; all still end together, and a note delayed past its end is left out.
    /// </summary>
    private static void Strum(List<PieceEvent> output, int start, StrumSpec strum)
    {
        var end = output.Count;
        var i = start;
        while (i < end)
        {
            var j = i + 1;
            while (j < end && output[j].Begin == output[i].Begin && output[j].Kind == output[i].Kind) j++;
            if (j - i > 1 && output[i].Kind == PieceEventKind.Note)
            {
                output.Sort(i, j - i, strum.Down ? HighestFirst : LowestFirst);
                for (var k = 1; k < j - i; k++)
                {
                    var e = output[i + k];
                    var begin = e.Begin + strum.Step * k;
                    output[i + k] = e with { Begin = begin < e.End ? begin : e.End };
                }
            }
            i = j;
        }
        // A note delayed to its end has nothing left to sound.
        for (var k = end - 1; k >= start; k--)
            if (output[k].Kind == PieceEventKind.Note && output[k].Begin >= output[k].End) output.RemoveAt(k);
    }

    /// <summary>
    /// <c>glide T</c>: read as a monophonic line (the highest note at each onset), in the last T bars of a note the bend
    /// moves in 16 steps to the next note's pitch, and is reset at that note-on. Intervals wider than the bend range,
    /// repeated pitches and notes <c>on</c> does not mark are not glided. The next note may be in the next bar.
    /// </summary>
    private bool Glide(CompiledTrack track, CompiledLane lane, int laneNumber, GlideSpec glide, long bar, List<PieceEvent> output, int start, DiagnosticBag diagnostics)
    {
        _line.Clear();
        for (var i = start; i < output.Count; i++)
            if (output[i].Kind == PieceEventKind.Note) _line.Add(i);
        if (_line.Count == 0) return true;
        _next.Clear();
        if (_piece.Form.SectionAt(bar + 1) is { } next && PlaysIn(lane, next.Section) && !LaneBar(track, lane, laneNumber, bar + 1, _next, diagnostics)) return false;
        _line.Sort((a, b) => output[a].Begin != output[b].Begin ? output[a].Begin.CompareTo(output[b].Begin) : output[b].Number.CompareTo(output[a].Number));
        PieceEvent? following = null;
        foreach (var e in _next)
            if (e.Kind == PieceEventKind.Note && (following is not { } f || e.Begin < f.Begin || (e.Begin == f.Begin && e.Number > f.Number))) following = e;
        for (var i = 0; i < _line.Count; i++)
        {
            // Only the highest note of each onset leads.
            if (i > 0 && output[_line[i - 1]].Begin == output[_line[i]].Begin) continue;
            var current = output[_line[i]];
            var j = i + 1;
            while (j < _line.Count && output[_line[j]].Begin == current.Begin) j++;
            if ((j < _line.Count ? output[_line[j]] : following) is not { } target) continue;
            // A slide goes into the next note, not across a rest: a gap as long as the note itself breaks it.
            if (target.Begin - current.End >= current.End - current.Begin) continue;
            var interval = target.Number - current.Number;
            if (interval == 0 || Math.Abs(interval) > glide.BendRange) continue;
            if (glide.On is { } on && !(on.TrySampleAt(current.Begin, out var marked) && marked)) continue;
            // As a 303 slide, the note is held into the next one: no gap, no new attack before the bend returns.
            if (current.End < target.Begin) output[_line[i]] = current = current with { End = target.Begin };
            var end = Rational.Min(current.End, target.Begin);
            var begin = Rational.Max(current.Begin, end - glide.Time);
            if (begin >= end) continue;
            var last = 8192;
            for (var k = 0; k < GlideSteps; k++)
            {
                var time = begin + (end - begin) * new Rational(k, GlideSteps);
                var wheel = (int)Math.Clamp(8192 + (new Rational(8192L * interval * (k + 1), (long)GlideSteps * glide.BendRange) + Rational.Half).Floor(), 0, 16383);
                if (wheel == last) continue;
                output.Add(new PieceEvent(PieceEventKind.Bend, track.Index, lane.LaneIndex, current.Channel, 0, wheel, time, time, bar));
                last = wheel;
            }
            output.Add(new PieceEvent(PieceEventKind.Bend, track.Index, lane.LaneIndex, current.Channel, 0, 8192, target.Begin, target.Begin, bar));
        }
        return true;
    }

    private const int GlideSteps = 16;
    private readonly List<int> _line = new();
    private readonly List<PieceEvent> _next = new();

    private static readonly Comparer<PieceEvent> LowestFirst = Comparer<PieceEvent>.Create(static (a, b) => a.Number.CompareTo(b.Number));
    private static readonly Comparer<PieceEvent> HighestFirst = Comparer<PieceEvent>.Create(static (a, b) => b.Number.CompareTo(a.Number));

    /// <summary>The lane's haps of a bar in onset order (one order for all who read them: generators count onsets in it).</summary>
    private static bool Query(CompiledLane lane, long bar, List<Hap<LaneNote>> haps, DiagnosticBag? diagnostics)
    {
        haps.Clear();
        var result = lane.Pattern.TryQuery(new Arc(bar, bar + 1), haps, QueryLimits.Default);
        if (!result.IsOk)
        {
            if (diagnostics is not null) Report(diagnostics, lane, bar, result);
            return false;
        }
        haps.Sort(static (a, b) => a.Whole!.Value.Begin.CompareTo(b.Whole!.Value.Begin));
        return true;
    }

    private bool Compute(CompiledTrack track, CompiledLane lane, int laneNumber, long bar, List<LaneEvent> output, DiagnosticBag diagnostics)
    {
        if (!Query(lane, bar, _haps, diagnostics)) return false;
        var onsetIndex = 0;
        _run = lane.HasGenerators ? StartRun(laneNumber, lane, bar) : null;
        foreach (var hap in _haps)
        {
            if (!hap.HasOnset) continue;
            Collect(track, lane, hap, bar, onsetIndex++, output, diagnostics);
        }
        EndRun(laneNumber, bar);
        return true;
    }

    /// <summary>
    /// The steps of a control lane read every S bars (SPEC §13) that fall in <paramref name="bar"/>: a message where the
    /// rounded value differs from the step before, and on the lane's first step (bar 0, the first bar of this stream,
    /// or the first bar after one where the lane did not play).
    /// </summary>
    private void Steps(CompiledTrack track, CompiledLane lane, SteppedControl stepped, long bar, bool playedBefore, List<PieceEvent> output)
    {
        var step = stepped.Step;
        var first = (bar / step).Ceiling();
        var kind = lane.Kind switch { LaneKind.Control => PieceEventKind.Control, LaneKind.Bend => PieceEventKind.Bend, _ => PieceEventKind.Pressure };
        var number = lane.Controller ?? 0;
        int? previous = null;
        var time = step * first;
        if (first > 0 && playedBefore && PlaysAt(lane, (time - step).Floor()))
            previous = stepped.Read(Context(time - step, 0, stepped.Stream));
        // Every step of the bar is in the bar's section entry: look it up once.
        var at = Context(time, 0, stepped.Stream);
        var end = Rational.FromInteger(bar + 1);
        for (; time < end; time += step)
        {
            var value = stepped.Read(at with { Time = time, DrawTime = time });
            if (value != previous)
                output.Add(new PieceEvent(kind, track.Index, lane.LaneIndex, stepped.Channel, number, value, time, time, bar));
            previous = value;
        }
    }

    /// <summary>Where a note's pending values are read: its onset before swing and humanize, its dice where lock replays them.</summary>
    private ValueContext PendingContext(Rational begin, LaneNote note, int onsetIndex, PendingValues pending)
    {
        var at = Context(begin - (note.FeelOffset ?? Rational.Zero), onsetIndex, pending.Setting.Stream);
        return note.DrawOffset is { } locked ? at with { DrawTime = at.Time - locked } : at;
    }

    /// <summary>
    /// The value generators of a lane as they stand at the start of <paramref name="bar"/>: walked from bar 0 once (every
    /// bar of the lane's pattern, whether or not it plays there, so mutes and sections never shift the dice), with a
    /// checkpoint every <see cref="CheckpointBars"/> bars, so any bar asked in any order gets what a run from bar 0 gives.
    /// A lane read bar after bar goes on from its cursor, which stands where the last bar read left it.
    /// </summary>
    private GeneratorRun StartRun(int laneNumber, CompiledLane lane, long bar)
    {
        var from = Math.Max(0, bar);
        var checkpoints = _checkpoints[laneNumber] ??= new List<GeneratorStates> { GeneratorStates.Empty };
        var cursor = _cursors[laneNumber] ??= new GeneratorRun();
        var at = _cursorBars[laneNumber];
        // Handed to the bar that moves it: until that bar ends (EndRun), the cursor stands nowhere.
        _cursorBars[laneNumber] = -1;
        if (at == from) return cursor;
        // From the last checkpoint at or before the bar, unless the cursor is nearer, walking on to it.
        var known = Math.Min(from / CheckpointBars, checkpoints.Count - 1);
        if (at < 0 || at > from || at < known * CheckpointBars)
        {
            cursor.Reset(checkpoints[(int)known]);
            at = known * CheckpointBars;
        }
        for (; at < from; at++)
        {
            WalkBar(lane, laneNumber, at, cursor);
            KeepCheckpoint(laneNumber, at + 1, cursor);
        }
        return cursor;
    }

    /// <summary>Keeps the states at the start of <paramref name="bar"/> if a checkpoint is due there.</summary>
    private void KeepCheckpoint(int laneNumber, long bar, GeneratorRun run)
    {
        var checkpoints = _checkpoints[laneNumber]!;
        if (bar % CheckpointBars == 0 && bar / CheckpointBars == checkpoints.Count) checkpoints.Add(run.Snapshot());
    }

    /// <summary>Bars between kept states: a bar asked out of order walks at most this many from the one before it.</summary>
    private const long CheckpointBars = 16;

    private void WalkBar(CompiledLane lane, int laneNumber, long bar, GeneratorRun run)
    {
        // The lane's onsets of the bar: from its period when its events repeat, else queried. A bar that breaks a limit
        // is reported when it is played; the walk just stops moving there.
        if (_periodHaps[laneNumber] is { } slots)
        {
            // Already in onset order and onsets only, timed from the bar's start.
            if (PeriodHaps(lane, slots, bar, null) is not { } haps) return;
            for (var i = 0; i < haps.Length; i++) Walk(haps[i], haps[i].Whole!.Value.Begin + bar, i, run);
            return;
        }
        if (!Query(lane, bar, _walkHaps, null)) return;
        var onsetIndex = 0;
        foreach (var hap in _walkHaps)
            if (hap.HasOnset) Walk(hap, hap.Whole!.Value.Begin, onsetIndex++, run);
    }

    private void Walk(in Hap<LaneNote> hap, Rational begin, int onsetIndex, GeneratorRun run)
    {
        if (hap.Value.Pending is not { } pending || !pending.HasGenerator) return;
        var note = hap.Value;
        PendingValues.Resolve(ref note, pending, PendingContext(begin, note, onsetIndex, pending), run);
    }

    private GeneratorRun? _run;
    private readonly List<GeneratorStates>?[] _checkpoints;
    private readonly GeneratorRun?[] _cursors;
    private readonly long[] _cursorBars;
    private readonly List<Hap<LaneNote>> _walkHaps = new();

    private bool PlaysAt(CompiledLane lane, long bar) => _piece.Form.SectionAt(bar) is { } position && PlaysIn(lane, position.Section);

    /// <summary>Where a value is read: the time, the onset's index in its bar, the lane's stream and the section entry playing.</summary>
    private ValueContext Context(Rational time, int onsetIndex, ulong stream)
    {
        // A note shifted before the piece's start reads the first section's values.
        var bar = Math.Max(0, time.Floor());
        if (bar != _entryBar)
        {
            // Most values of a bar are read in it: one look-up of the form per bar.
            _entry = _piece.Form.SectionAt(bar)?.Entry;
            _entryBar = bar;
        }
        return new ValueContext(time, onsetIndex, stream, _entry?.Start ?? 0, _entry?.Length) { Harmony = _harmonyAt };
    }

    // melody weighs the chord in force at its onsets (one delegate for the stream's life, not one per value read).
    private readonly Func<Rational, Chord?>? _harmonyAt;

    private long _entryBar = -1;
    private Form.SectionEntry? _entry;

    private static bool PlaysIn(CompiledLane lane, string section) => lane.Sections is null || lane.Sections.Contains(section);

    private void Collect(CompiledTrack track, CompiledLane lane, Hap<LaneNote> hap, long bar, int onsetIndex, List<LaneEvent> output, DiagnosticBag diagnostics)
    {
        var note = hap.Value;
        var whole = hap.Whole!.Value;
        var begin = whole.Begin;
        // Signals are read at the onset the lane's time transforms gave, before swing and humanize moved it (SPEC §12);
        // a silenced note still moves the lane's generators, as the walk from bar 0 counts it.
        if (note.Pending is { } pending && (!note.Silent || _run is not null) && !PendingValues.Resolve(ref note, pending, PendingContext(begin, note, onsetIndex, pending), _run)) return;
        if (note.Silent) return;
        if (lane.Kind is LaneKind.Control or LaneKind.Bend or LaneKind.Pressure)
        {
            var (kind, number) = lane.Kind switch
            {
                LaneKind.Control => (PieceEventKind.Control, lane.Controller!.Value),
                LaneKind.Bend => (PieceEventKind.Bend, 0),
                _ => (PieceEventKind.Pressure, 0),
            };
            output.Add(new LaneEvent(new PieceEvent(kind, track.Index, lane.LaneIndex, note.Channel, number, note.Atom.Pitches[0], begin, begin, bar), null, Rational.Zero));
            return;
        }
        var end = begin + (whole.End - whole.Begin) * note.Legato;
        if (note.Atom.Harmony != HarmonyRef.None)
        {
            var anchorOffset = note.FeelOffset is { } feel ? -feel : Rational.Zero;
            output.Add(new LaneEvent(new PieceEvent(PieceEventKind.Note, track.Index, lane.LaneIndex, note.Channel, note.Transpose, note.VelocityOrAccent, begin, end, bar), note.Atom, anchorOffset));
            return;
        }
        foreach (var pitch in note.Atom.Pitches)
        {
            var key = pitch + note.Transpose;
            if (!Playable(lane, key, bar, diagnostics)) continue;
            output.Add(new LaneEvent(new PieceEvent(PieceEventKind.Note, track.Index, lane.LaneIndex, note.Channel, key, note.VelocityOrAccent, begin, end, bar), null, Rational.Zero));
        }
    }

    /// <summary>Appends one lane event moved by <paramref name="shift"/> whole cycles, resolving it against the harmony if it follows the chords.</summary>
    private void Emit(CompiledLane lane, LaneEvent laneEvent, long shift, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        var e = laneEvent.Event;
        var placed = shift == 0 ? e with { Bar = bar } : e with { Begin = e.Begin + shift, End = e.End + shift, Bar = bar };
        if (laneEvent.Follow is not { } atom)
        {
            output.Add(placed);
            return;
        }
        var transpose = e.Number;
        var anchor = placed.Begin + laneEvent.AnchorOffset;
        if (ChordAt(anchor) is not { } chord)
        {
            var word = atom.Harmony switch { HarmonyRef.Root => "root", HarmonyRef.Chord => "chord", _ => atom.ToneIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (_silentLanes.Add(lane.FullName)) diagnostics.Add(Codes.NoChordInForce, lane.Span, lane.FullName, word, bar);
            return;
        }
        switch (atom.Harmony)
        {
            case HarmonyRef.Root:
                Add(lane, placed, ChordVoicing.Root(chord, atom.Octave) + transpose, bar, output, diagnostics);
                break;
            case HarmonyRef.Tone:
                Add(lane, placed, ChordVoicing.ChordTone(chord, atom.ToneIndex, atom.Octave) + transpose, bar, output, diagnostics);
                break;
            default:
                var voiced = Voice(lane, atom, chord, anchor);
                if (atom.Pick is { } pick)
                {
                    Arpeggiate(lane, placed, pick, voiced, transpose, bar, output, diagnostics);
                    break;
                }
                foreach (var pitch in voiced) Add(lane, placed, pitch + transpose, bar, output, diagnostics);
                break;
        }
    }

    /// <summary><c>arp</c> on a harmony chord, now that its notes are known: one of them, or all one after another within the event.</summary>
    private void Arpeggiate(CompiledLane lane, PieceEvent placed, ArpPick pick, int[] voiced, int transpose, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        var ordered = pick.Order(voiced);
        if (ordered.Length == 0) return;
        if (!pick.Split)
        {
            Add(lane, placed, ordered[pick.Index % ordered.Length] + transpose, bar, output, diagnostics);
            return;
        }
        var length = (placed.End - placed.Begin) / ordered.Length;
        for (var n = 0; n < ordered.Length; n++)
        {
            var begin = placed.Begin + length * n;
            Add(lane, placed with { Begin = begin, End = begin + length }, ordered[n] + transpose, bar, output, diagnostics);
        }
    }

    private void Add(CompiledLane lane, PieceEvent placed, int key, long bar, List<PieceEvent> output, DiagnosticBag diagnostics)
    {
        if (Playable(lane, key, bar, diagnostics)) output.Add(placed with { Number = key });
    }

    /// <summary>False for a note outside 0..127, which is left out with a warning once per lane.</summary>
    private bool Playable(CompiledLane lane, int key, long bar, DiagnosticBag diagnostics)
    {
        if (key is >= 0 and <= 127) return true;
        if (_warnedLanes.Add(lane.FullName)) diagnostics.Add(Codes.NoteDropped, lane.Span, lane.FullName, key, bar);
        return false;
    }

    /// <summary>The chord in force at <paramref name="time"/>: from this bar's changes when the time is in the bar being produced.</summary>
    private Chord? ChordAt(Rational time)
    {
        var harmony = _piece.Harmony;
        if (harmony is null) return null;
        var bar = time.Floor();
        if (bar < 0) return null;
        if (bar != _changesBar)
        {
            _changes.Clear();
            harmony.ChangesIn(bar, _changes);
            _changesBar = bar;
        }
        // The first change is at the bar's start, which the time is at or after: only later ones need comparing.
        var chord = _changes[0].Chord;
        for (var i = 1; i < _changes.Count && _changes[i].Time <= time; i++) chord = _changes[i].Chord;
        return chord;
    }

    /// <summary>The lane's voicing of <paramref name="chord"/>: lead voicings chain per lane; close and open are remembered per chord.</summary>
    private int[] Voice(CompiledLane lane, Atom atom, Chord chord, Rational onset)
    {
        ChordVoicing.TryParseVoicing(lane.Voicing, out var voicing);
        if (voicing == Voicing.Lead)
        {
            var key = (lane.FullName, atom.Octave);
            if (!_leadChains.TryGetValue(key, out var chain)) _leadChains[key] = chain = new LeadVoiceChain(_piece.Harmony!, atom.Octave);
            return chain.VoicingAt(onset, chord);
        }
        if (!_voicings.TryGetValue((chord, atom.Octave, voicing), out var pitches))
            _voicings[(chord, atom.Octave, voicing)] = pitches = ChordVoicing.Voice(chord, atom.Octave, voicing);
        return pitches;
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
