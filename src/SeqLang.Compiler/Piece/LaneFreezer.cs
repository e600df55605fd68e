using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Lanes;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

/// <summary>
/// What <c>seq freeze</c> prints for a lane over some bars: <see cref="Mini"/>, one mini-notation string (without
/// its quotes) that plays the same notes at the same onsets; and what the string cannot hold: the notes'
/// velocities (<see cref="Velocities"/>, null with no notes) and whether their lengths differ from the steps the
/// string gives them (<see cref="LengthsDiffer"/>, never on a drum track).
/// </summary>
public sealed record FrozenLane(string Mini, int Notes, (int Min, int Max)? Velocities, bool LengthsDiffer);

/// <summary>
/// Writes what a lane played back as mini-notation (SPEC §15, <c>seq freeze</c>; docs/generators.md
/// "Freezing a generator"). Each bar is written on the finest even grid its onsets need (the least common multiple
/// of their positions' denominators), a rest as <c>~</c>, notes at one onset as a chord <c>[c4,e4,g4]</c>; bars that
/// differ become the steps of one <c>&lt;...&gt;</c>, which steps once a bar, so the shortest repeating run of bars
/// is written and each bar lands in the slot that bar number takes: pasted in place of the generator, the string
/// plays the same notes over those bars. Pitches are note names spelled in the key's accidentals; on a drum track
/// <c>x</c> for the lane's own drum, else the kit's shortest name for the note (its MIDI number when it has none).
/// </summary>
public static class LaneFreezer
{
    /// <summary>The most steps a bar is written with one atom or rest per step; a finer grid writes its gaps with <c>@</c>.</summary>
    public const int MaxPlainSteps = 64;

    /// <summary>
    /// Freezes <paramref name="lane"/> over bars [<paramref name="from"/>, <paramref name="to"/>). Returns null after
    /// reporting when a lane breaks a limit. A lane marked <c>mute</c> is frozen as it would play unmuted.
    /// </summary>
    public static FrozenLane? Freeze(CompiledPiece piece, CompiledLane lane, long from, long to, DiagnosticBag diagnostics)
    {
        var track = piece.Tracks[lane.TrackIndex];
        var names = new AtomNames(piece, track, lane);
        var stream = new EventStream(piece, includeMutedLanes: true);
        var events = new List<PieceEvent>();
        var bars = new List<List<string>>();
        int notes = 0, minVelocity = int.MaxValue, maxVelocity = int.MinValue;
        var lengthsDiffer = false;
        for (var bar = from; bar < to; bar++)
        {
            events.Clear();
            if (!stream.Bar(bar, events, diagnostics)) return null;
            var mine = events.Where(e => e.Kind == PieceEventKind.Note && e.Track == lane.TrackIndex && e.Lane == lane.LaneIndex).ToList();
            foreach (var e in mine)
            {
                notes++;
                minVelocity = Math.Min(minVelocity, e.Value);
                maxVelocity = Math.Max(maxVelocity, e.Value);
            }
            bars.Add(Bar(mine, bar, names, ref lengthsDiffer));
        }
        var period = Period(bars);
        var slots = new List<string>[period];
        for (var bar = from; bar < from + period; bar++) slots[(int)(bar % period)] = bars[(int)(bar - from)];
        var mini = period == 1 ? string.Join(' ', bars[0]) : "<" + string.Join(' ', slots.Select(Bracketed)) + ">";
        return new FrozenLane(mini, notes, notes == 0 ? null : (minVelocity, maxVelocity), lengthsDiffer);
    }

    /// <summary>
    /// The lane <paramref name="name"/> names, written <c>TRACK.LANE</c> as <c>seq events</c> and live control write it.
    /// When there is none: a track with no such lane is SEQ0907 at the track's name (where the lane would go), with
    /// the closest lane's name; anything else is a sentence in <paramref name="usage"/>, with the closest name.
    /// </summary>
    public static CompiledLane? FindLane(CompiledPiece piece, Core.Text.SourceText source, string name, DiagnosticBag diagnostics, out string? usage)
    {
        usage = null;
        var dot = name.IndexOf('.');
        var trackName = dot < 0 ? name : name[..dot];
        var track = piece.Tracks.FirstOrDefault(t => t.Name == trackName);
        if (track is null)
        {
            var lanes = piece.Tracks.SelectMany(t => t.Lanes).Select(l => l.FullName);
            var closest = dot < 0 ? Checks.Suggestions.Closest(name, piece.Tracks.Select(t => t.Name).Concat(lanes)) : Checks.Suggestions.Closest(name, lanes);
            usage = $"there is no track '{trackName}'" + (closest is null ? $" (the tracks: {string.Join(", ", piece.Tracks.Select(t => t.Name))})" : $"; did you mean '{closest}'?");
            return null;
        }
        if (dot < 0)
        {
            usage = $"'{name}' is a track: name one of its lanes, TRACK.LANE ({string.Join(", ", track.Lanes.Select(l => l.FullName))})";
            return null;
        }
        var laneName = name[(dot + 1)..];
        var lane = track.Lanes.FirstOrDefault(l => l.Name == laneName);
        if (lane is null)
        {
            var hint = Checks.Suggestions.DidYouMean(laneName, track.Lanes.Select(l => l.Name));
            if (hint.Length == 0) hint = $" (its lanes: {string.Join(", ", track.Lanes.Select(l => l.Name))})";
            diagnostics.Add(Codes.UnknownControlLane, NameSpan(source, track), track.Name, laneName, hint);
        }
        return lane;
    }

    /// <summary>The track's name: its span starts at the word <c>track</c>, and the name is the next word.</summary>
    private static Core.Text.SourceSpan NameSpan(Core.Text.SourceText source, CompiledTrack track)
    {
        var text = source.Text;
        var at = track.Span.Start;
        while (at < track.Span.End && !char.IsWhiteSpace(text[at])) at++;
        while (at < track.Span.End && char.IsWhiteSpace(text[at])) at++;
        return text.AsSpan(at).StartsWith(track.Name, StringComparison.Ordinal) ? new Core.Text.SourceSpan(at, track.Name.Length) : new Core.Text.SourceSpan(track.Span.Start, 0);
    }

    /// <summary>The shortest p such that every bar equals the bar p later.</summary>
    private static int Period(List<List<string>> bars)
    {
        for (var p = 1; p < bars.Count; p++)
        {
            var repeats = true;
            for (var i = 0; i + p < bars.Count && repeats; i++) repeats = bars[i].SequenceEqual(bars[i + p]);
            if (repeats) return p;
        }
        return bars.Count;
    }

    /// <summary>A bar as one step of an alternation: a single step alone, several as <c>[...]</c>.</summary>
    private static string Bracketed(List<string> steps) => steps.Count == 1 ? steps[0] : "[" + string.Join(' ', steps) + "]";

    /// <summary>One bar's steps.</summary>
    private static List<string> Bar(List<PieceEvent> notes, long bar, AtomNames names, ref bool lengthsDiffer)
    {
        if (notes.Count == 0) return ["~"];
        var onsets = notes.GroupBy(e => e.Begin - bar).OrderBy(g => g.Key).Select(g => (At: g.Key, Notes: g.ToList())).ToList();
        long steps = 1;
        foreach (var (at, _) in onsets) steps = Lcm(steps, at.Denominator);
        var step = new Rational(1, steps);
        // A drum's length is a note-off nobody hears: only a pitched lane's lengths are news.
        if (names.Pitched) foreach (var e in notes) lengthsDiffer |= e.End - e.Begin != step;
        var tokens = new List<string>();
        if (steps <= MaxPlainSteps)
        {
            var next = 0;
            for (long i = 0; i < steps; i++)
            {
                if (next < onsets.Count && onsets[next].At == new Rational(i, steps)) tokens.Add(Step(onsets[next++].Notes, names));
                else tokens.Add("~");
            }
        }
        else
        {
            // A grid this fine (swing, humanize, a strum) would be hundreds of rests: each onset holds until the next.
            if (!onsets[0].At.IsZero) tokens.Add(Weighted("~", onsets[0].At * steps));
            for (var i = 0; i < onsets.Count; i++)
            {
                var end = i + 1 < onsets.Count ? onsets[i + 1].At : Rational.One;
                tokens.Add(Weighted(Step(onsets[i].Notes, names), (end - onsets[i].At) * steps));
            }
        }
        return tokens;
    }

    private static string Weighted(string token, Rational weight) => weight == Rational.One ? token : $"{token}@{weight.Numerator}";

    private static string Step(List<PieceEvent> notes, AtomNames names)
    {
        var atoms = notes.OrderBy(e => e.Number).Select(e => names.Of(e.Number)).ToList();
        return atoms.Count == 1 ? atoms[0] : "[" + string.Join(',', atoms) + "]";
    }

    private static long Lcm(long a, long b) => checked(a / Gcd(a, b) * b);

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>How a note number is written back in the lane's string.</summary>
    private sealed class AtomNames
    {
        private readonly NoteSpelling _spelling;
        private readonly int? _ownDrum;
        private readonly Dictionary<int, string>? _drums;

        public AtomNames(CompiledPiece piece, CompiledTrack track, CompiledLane lane)
        {
            var key = piece.Settings.Key;
            _spelling = KeySpelling.For(key.TonicText, key.Tonic, key.Steps);
            if (lane.Kind != LaneKind.Drums || track.Drums is not { } kit) return;
            if (kit.TryGetValue(lane.Name, out var own)) _ownDrum = own;
            // The shortest name of each note (bd before kick and acoustic_bass_drum), the first written on a tie.
            _drums = new Dictionary<int, string>();
            foreach (var (name, note) in kit)
                if (!_drums.TryGetValue(note, out var known) || name.Length < known.Length) _drums[note] = name;
        }

        public bool Pitched => _drums is null;

        public string Of(int note)
        {
            if (_drums is not null)
            {
                if (note == _ownDrum) return "x";
                return _drums.TryGetValue(note, out var name) ? name : note.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var octave = note / 12 - 1;
            return KeySpelling.Name(note % 12, _spelling).ToLowerInvariant() + octave.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
