using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Mini;
using SeqLang.Compiler.Piece;
using SeqLang.Compiler.Values;
using SeqLang.Core.Numbers;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Compiles one lane: its string into a pattern of atoms read by the lane's kind, then its modifiers
/// applied in the order written, then the block's <c>every</c> lines. Randomness (<c>?</c>, <c>|</c>,
/// <c>prob</c>, <c>humanize</c>) draws from a stream named after the lane, so adding a lane never
/// changes another's random choices.
/// </summary>
internal sealed class LaneCompiler
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;
    private readonly string _trackName;
    private readonly int _trackIndex;
    private readonly int _channel;
    private readonly IReadOnlyDictionary<string, int>? _kit;
    private readonly string _kitLabel;
    private readonly bool _hasHarmony;
    private readonly LaneDefinitions _definitions;
    private readonly int _bendRange;

    public LaneCompiler(BindContext context, PieceSettings settings, string trackName, int trackIndex, int channel,
        IReadOnlyDictionary<string, int>? kit, string kitLabel, bool hasHarmony, LaneDefinitions definitions, int bendRange)
    {
        _definitions = definitions;
        _bendRange = bendRange;
        _context = context;
        _settings = settings;
        _trackName = trackName;
        _trackIndex = trackIndex;
        _channel = channel;
        _kit = kit;
        _kitLabel = kitLabel;
        _hasHarmony = hasHarmony;
        _trackChannel = [channel];
    }

    /// <summary>
    /// The channels of a lane that sends on its track's alone, one list shared by the track's lanes (never written to):
    /// a file of thousands of lanes kept one each.
    /// </summary>
    private readonly int[] _trackChannel;

    public CompiledLane? Compile(LaneSyntax lane, string name, int laneIndex, IReadOnlySet<string>? sections, IReadOnlyList<ModifierSyntax> blockEvery)
    {
        var fullName = $"{_trackName}.{name}";
        var stream = SeededRandom.StreamFor(_settings.Seed, fullName);
        var errorsBefore = _context.Diagnostics.ErrorCount;

        if (lane.IsControl) _context.Integer(lane.Controller!, 0, 127, Codes.ControllerOutOfRange);

        var baseKind = lane.IsControl ? LaneKind.Control : lane.IsBend ? LaneKind.Bend : lane.IsTouch ? LaneKind.Pressure
            : _kit is not null ? LaneKind.Drums : LaneKind.Pitched;
        var description = baseKind switch
        {
            LaneKind.Control => "a cc lane",
            LaneKind.Bend => "a bend lane",
            LaneKind.Pressure => "a touch lane",
            LaneKind.Drums => "a drum lane",
            _ => "this lane",
        };
        var values = new ValueBinder(_context, _definitions.Signals, (mini, what) => MiniReader.Numbers(mini, stream, _context.Diagnostics, what, _context.CheckedStrings), _settings.Meter.BarQuarters,
            hasForm: _definitions.HasForm, chains: _definitions.Chains, key: _settings.Key);
        if (lane.IsValueLane && lane.Mini is null) return Stepped(lane, name, fullName, laneIndex, sections, baseKind, description, values, stream, blockEvery);
        if (lane.Step is { } misplacedStep)
            _context.Report(Codes.SignalOptionNotFor, misplacedStep.Span, "a mini string", "a step: it sends at its own events' onsets");

        var binder = new ModifierBinder(_context, mini => VelocityPattern(mini, stream), mini => RhythmPattern(mini, stream), values, stream,
            mini => IndexPattern(mini, stream), _definitions.Grooves);
        var bound = new ModifierBinder.Bound();
        if (lane.Unknown is { } unknown) binder.Unknown(unknown);
        foreach (var modifier in lane.Modifiers) binder.Bind(modifier, bound, baseKind, description);
        var every = new List<LaneModifier>();
        foreach (var modifier in blockEvery)
            if (binder.Transform(modifier, baseKind, description, inEvery: false) is { } t) every.Add(t);

        var kind = bound.Mode switch { "degrees" => LaneKind.Degrees, "tones" => LaneKind.Tones, _ => baseKind };
        var resolver = new AtomResolver(kind, name, _kitLabel, _kit, bound.Octave, _settings.Key.Steps, _settings.Key.Tonic, _hasHarmony, _context.Diagnostics);
        // With n, the lane's string gives only the rhythm (its atoms are not read) and n's value the atoms, read
        // in the lane's mode, which is known only now.
        var hasNoteValues = false;
        for (var i = 0; i < bound.Transforms.Count; i++)
        {
            if (bound.Transforms[i] is not NoteValueModifier n) continue;
            hasNoteValues = true;
            // Its value failed where it is defined (reported there): the lane cannot be built, and says nothing more.
            if (n.Signal is null && n.Syntax.Text is null && n.Syntax.Number is null) return null;
            if (n.Signal is { } signal)
            {
                if (signal is MelodyGenerator && kind is not (LaneKind.Pitched or LaneKind.Degrees or LaneKind.Tones))
                {
                    // A melody is pitches of a scale: on a drum track they would be drum keys, on a cc lane values.
                    _context.Report(Codes.BadGenerator, n.Syntax.Value!.Span, "melody", $"it gives pitched notes, not for {description}");
                    return null;
                }
                if (NoteTable(n, signal, resolver) is { } table) bound.Transforms[i] = new DeferredModifier(new PendingSetting(ValueTarget.Note, signal, stream, 0, table.Atoms, table.Base), n.Span);
                continue;
            }
            var noteValues = n.Syntax.Text is { } text
                ? AtomPattern(text, stream, resolver)
                : resolver.Resolve(n.Syntax.Number!.Text, n.Syntax.Number.Span) is { } single ? Patterns.Pattern.Pure(single) : null;
            if (noteValues is not null) bound.Transforms[i] = n with { Atoms = noteValues };
        }
        // The lane's modifiers, then its block's every: one list, read by the checks below.
        List<LaneModifier> modifiers = every.Count == 0 ? bound.Transforms : [.. bound.Transforms, .. every];
        var arp = modifiers.Find(m => m is ArpModifier) as ArpModifier;
        // arp asks the lane's atoms whether they hold chords: then they are built even when only diagnostics are wanted.
        var queried = arp is not null;
        var atoms = lane.Generator is { } generator
            ? new Generators.RhythmGeneratorBinder(_context, _definitions.Lsystems).Bind(generator, resolver, kind, hasNoteValues ? Step : null, stream, fullName)
            : hasNoteValues ? RhythmOnly(lane.Mini!, stream, queried) : kind == LaneKind.Bend ? BendPattern(lane.Mini!, stream, queried) : AtomPattern(lane.Mini!, stream, resolver, queried);
        if (atoms is null || _context.Diagnostics.ErrorCount > errorsBefore) return null;

        if (bound.Muted) _context.Report(Codes.EveryMutedLaneWarning, lane.Name.Span, fullName);
        if (arp is not null && !HasChords(lane.Mini, atoms))
            _context.Report(Codes.ArpWithoutChords, arp.Span, fullName);
        var glide = bound.Glide is { } g ? new GlideSpec(g.Time, g.On, _bendRange) : null;
        // Only diagnostics wanted: nothing below reports, and nothing will query the pattern.
        var (pattern, structure) = _context.KeepPatterns ? Transformed(atoms, bound, every, modifiers, stream) : (Dropped, null);
        return new CompiledLane(name, fullName, _trackIndex, laneIndex, kind, lane.IsControl ? (int)lane.Controller!.Value!.Value.Numerator : null,
            pattern, bound.Muted, sections, bound.Voicing, lane.Name.Span, resolver.UsesHarmony, null, bound.Strum, glide, structure,
            Channels(modifiers), HasGenerators(modifiers));
    }

    /// <summary>What a lane's pattern becomes when only diagnostics are wanted: nothing will query it.</summary>
    private static readonly Pattern<LaneNote> Dropped = Patterns.Pattern.Silence<LaneNote>();

    /// <summary>The lane's notes: its atoms through its modifiers, then its block's every; and its structure's period when signals wait on it.</summary>
    private (Pattern<LaneNote> Pattern, Rational? Structure) Transformed(Pattern<Atom> atoms, ModifierBinder.Bound bound, List<LaneModifier> every,
        List<LaneModifier> modifiers, ulong stream)
    {
        var laneDefault = new LaneNote(default!, 100, Rational.One, 0, _channel);
        Pattern<LaneNote> pattern = new AtomToNotePattern(atoms, laneDefault);
        var transforms = new LaneTransforms(_settings, stream);
        if (_settings.Swing != 50 && !bound.Transforms.Exists(t => t is SwingModifier))
            pattern = transforms.Swing(pattern, _settings.Swing, 16);
        foreach (var modifier in bound.Transforms) pattern = transforms.Apply(pattern, modifier);
        foreach (var modifier in every) pattern = transforms.Apply(pattern, modifier);
        // Signals are read at final onsets: the lane's events repeat only when its pattern and its signals both have.
        Rational? structure = null;
        if (SignalPeriod(modifiers) is var (deferred, period) && deferred)
        {
            structure = pattern.Period;
            pattern = new HapTransformPattern(pattern.Cached(), (in Patterns.Hap<LaneNote> h, out LaneNote n) => { n = h.Value; return true; }, Periods.Lcm(pattern.Period, period));
        }
        return (pattern, structure);
    }

    /// <summary>Whether any modifier (nested ones included) reads a value generator.</summary>
    private static bool HasGenerators(List<LaneModifier> modifiers)
    {
        foreach (var modifier in modifiers)
            for (var m = modifier; m is not null; m = m.Nested)
                if (m is DeferredModifier { Setting.Value: ValueGenerator }) return true;
        return false;
    }

    /// <summary>The channels a lane may send on: the track's, and each <c>chan</c> among its modifiers (nested ones included).</summary>
    private int[] Channels(List<LaneModifier> modifiers)
    {
        SortedSet<int>? channels = null;
        foreach (var modifier in modifiers)
        {
            for (var m = modifier; m is not null; m = m.Nested)
                if (m is ChannelModifier c) (channels ??= new SortedSet<int> { _channel }).Add(c.Channel);
        }
        return channels is null ? _trackChannel : channels.ToArray();
    }

    /// <summary>Whether any modifier (nested ones included) waits for a signal, and the common period of those signals (null: none).</summary>
    private static (bool Deferred, Rational? Period) SignalPeriod(List<LaneModifier> modifiers)
    {
        var deferred = false;
        Rational? period = Rational.One;
        foreach (var modifier in modifiers)
        {
            for (var m = modifier; m is not null; m = m.Nested)
            {
                if (m is not DeferredModifier d) continue;
                deferred = true;
                // prob draws fresh dice at every onset: its lane never repeats.
                period = d.Setting.Target == ValueTarget.Probability ? null : Periods.Lcm(period, d.Setting.Value.Period);
            }
        }
        return (deferred, period);
    }

    /// <summary>
    /// <c>n SIGNAL</c>: every whole number the signal can give, read once in the lane's mode, so that a note reads its
    /// atom from a table at its onset.
    /// </summary>
    private (Atom[] Atoms, long Base)? NoteTable(NoteValueModifier n, ValueExpression signal, AtomResolver resolver)
    {
        if (signal is MarkovGenerator markov)
        {
            // A chain's states are atoms, read as the lane reads atoms and reported where the chain writes them.
            var states = new Atom[markov.Chain.States.Length];
            var failed = false;
            for (var i = 0; i < states.Length; i++)
            {
                if (resolver.Resolve(markov.Chain.States[i].Text, markov.Chain.States[i].Span) is { } atom) states[i] = atom;
                else failed = true;
            }
            return failed ? null : (states, 0);
        }
        if (signal is MelodyGenerator melody)
        {
            // A melody's values are MIDI notes: each plays as that note in every mode (degrees, tones and octave do not
            // read it; transpose still moves it).
            var pitches = new Atom[melody.Rule.High - melody.Rule.Low + 1];
            for (var p = 0; p < pitches.Length; p++) pitches[p] = Atom.Fixed(melody.Rule.Low + p);
            return (pitches, melody.Rule.Low);
        }
        if (signal is TuringGenerator { States: { } written })
        {
            // A loop's distinct atoms, read as the lane reads atoms where each is first written.
            var loopAtoms = new Atom[written.Length];
            var wrong = false;
            for (var i = 0; i < written.Length; i++)
            {
                if (resolver.Resolve(written[i].Text, written[i].Span) is { } atom) loopAtoms[i] = atom;
                else wrong = true;
            }
            return wrong ? null : (loopAtoms, 0);
        }
        var low = signal.Min.RoundHalfUp();
        var high = signal.Max.RoundHalfUp();
        if (high - low >= 1024)
        {
            _context.Report(Codes.ModifierOutOfRange with { Format = "n can reach {0}, too wide: keep a signal's range within 1024 numbers" }, n.Syntax.Value!.Span, $"{low}..{high}");
            return null;
        }
        var atoms = new Atom[high - low + 1];
        var errors = _context.Diagnostics.ErrorCount;
        for (var v = low; v <= high; v++)
        {
            // Each number is read as if written where the signal is, so a note outside the lane's range is reported there.
            if (resolver.Resolve(v.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Syntax.Value!.Span) is not { } atom) break;
            atoms[v - low] = atom;
        }
        return _context.Diagnostics.ErrorCount > errors ? null : (atoms, low);
    }

    /// <summary>
    /// <c>cc N VALUE</c>, <c>bend VALUE</c> or <c>touch VALUE</c> whose value is not a mini string (SPEC §13): read every
    /// step. Only <c>chan</c> and <c>mute</c> apply: the lane has no events for the other modifiers to move.
    /// </summary>
    private CompiledLane? Stepped(LaneSyntax lane, string name, string fullName, int laneIndex, IReadOnlySet<string>? sections, LaneKind kind,
        string description, ValueBinder values, ulong stream, IReadOnlyList<ModifierSyntax> blockEvery)
    {
        var errorsBefore = _context.Diagnostics.ErrorCount;
        var what = kind switch { LaneKind.Control => $"cc {lane.Controller!.Text}", LaneKind.Bend => "bend", _ => "touch" };
        var value = values.Bind(lane.Value!, what);
        if (value is ValueGenerator)
        {
            // A generator steps once per onset; a lane read every step has none (reading it at a time threw while rendering).
            _context.Report(Codes.BadGenerator, lane.Value!.Span, ValueBinder.GeneratorName(lane.Value!), $"a value generator moves once per onset, and {what} read every step has no onsets: use it on a lane of notes (vel, n, ...)");
            value = null;
        }
        var step = new Rational(1, 32);
        if (lane.Step is { } s)
        {
            var numerator = s.Numerator.Value;
            var denominator = s.Denominator is null ? Rational.One : s.Denominator.Value;
            if (numerator is { } a && denominator is { } b && !b.IsZero && a / b >= new Rational(1, 256) && a / b <= 16) step = a / b;
            else _context.Report(Codes.StepOutOfRange, s.Span, s.Denominator is null ? s.Numerator.Text : $"{s.Numerator.Text}/{s.Denominator.Text}");
        }
        if (lane.Unknown is { } unknown)
            _context.Report(Codes.UnknownModifier, unknown.Word.Span, unknown.Word.Text, Checks.Suggestions.DidYouMean(unknown.Word.Text, new[] { "chan", "mute", "step" }));
        var channel = _channel;
        var muted = false;
        foreach (var m in lane.Modifiers)
        {
            switch (m.Name)
            {
                case "mute": muted = true; break;
                case "chan": if (_context.Integer(m.Number ?? new NumberSyntax("?", null, m.Span), 1, 16, Codes.ChannelOutOfRange) is { } c) channel = c - 1; break;
                default: _context.Report(Codes.ModifierNotForLane, m.Keyword.Span, m.Name, description + " read every step (give its value a mini string to pattern it)"); break;
            }
        }
        foreach (var m in blockEvery)
            _context.Report(Codes.ModifierNotForLane, m.Keyword.Span, m.Name, description + " read every step");
        if (value is null || _context.Diagnostics.ErrorCount > errorsBefore) return null;

        if (kind == LaneKind.Bend)
        {
            var range = FixedPoint.FromInteger(_bendRange);
            if (value.IsConstant && (value.Min < -range || value.Max > range))
            {
                _context.Report(Codes.ModifierOutOfRange with { Format = "bend {0} is beyond the track's bend range: use -{1} to {1} semitones, or widen it with bend R on the track" },
                    lane.Value!.Span, value.Min.ToString(), _bendRange);
                return null;
            }
            values.WarnOutside(what, lane.Value!.Span, value, -range, range, $"the track's bend range ±{_bendRange}");
        }
        else if (value.IsConstant && (value.Min < FixedPoint.Zero || value.Max > FixedPoint.FromInteger(127)))
        {
            _context.Report(Codes.BadControlValue, lane.Value!.Span, value.Min.ToString());
            return null;
        }
        else values.WarnOutside(what, lane.Value!.Span, value, FixedPoint.Zero, FixedPoint.FromInteger(127), "0 to 127");

        if (muted) _context.Report(Codes.EveryMutedLaneWarning, lane.Name.Span, fullName);
        var stepped = new SteppedControl(value, step, kind, _bendRange, stream, channel);
        var silent = Patterns.Pattern.Silence<LaneNote>();
        return new CompiledLane(name, fullName, _trackIndex, laneIndex, kind, kind == LaneKind.Control ? (int)lane.Controller!.Value!.Value.Numerator : null,
            silent, muted, sections, "close", lane.Name.Span, false, stepped, Channels: new[] { channel });
    }

    /// <summary>
    /// Whether a lane has anything for <c>arp</c> to spread: a stack (<c>,</c>) in its string, a chord name, or the
    /// harmony's <c>chord</c>. Read from the lane's first bars, which is where a misplaced arp shows.
    /// </summary>
    private static bool HasChords(StringSyntax? mini, Pattern<Atom> atoms)
    {
        if (mini is not null && mini.Content.Contains(',')) return true;
        var haps = new List<Hap<Atom>>();
        if (!atoms.TryQuery(new Core.Time.Arc(0, 16), haps, QueryLimits.Default).IsOk) return true;
        return haps.Any(h => h.Value.Pitches.Length > 1 || h.Value.Harmony == HarmonyRef.Chord);
    }

    /// <summary><c>arp "MINI"</c>: whole numbers from 0 picking notes of the chord.</summary>
    private Pattern<int>? IndexPattern(StringSyntax mini, ulong stream) => Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out int value) =>
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value <= 1000) return true;
        _context.Report(Codes.BadValueAtom, span, text, "arp (whole numbers from 0: 0 is the lowest note)");
        return false;
    });

    /// <summary><c>bend "MINI"</c>: semitones, within the track's bend range, sent as wheel positions.</summary>
    private Pattern<Atom>? BendPattern(StringSyntax mini, ulong stream, bool queried) => Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out Atom value) =>
    {
        value = Step;
        if (!Rational.TryParseDecimal(text, out var semitones))
        {
            _context.Report(Codes.BadValueAtom, span, text, "bend");
            return false;
        }
        if (semitones.Abs() > _bendRange)
        {
            _context.Report(Codes.ModifierOutOfRange with { Format = "bend {0} is beyond the track's bend range: use -{1} to {1} semitones, or widen it with bend R on the track" },
                span, text, _bendRange);
            return false;
        }
        value = Atom.Fixed(SteppedControl.BendWheel(FixedPoint.FromRational(semitones), _bendRange));
        return true;
    }, queried);

    private Pattern<Atom>? AtomPattern(StringSyntax mini, ulong stream, AtomResolver resolver, bool queried = false) =>
        Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out Atom value) => (value = resolver.Resolve(text, span)!) is not null, queried);

    private Pattern<int>? VelocityPattern(StringSyntax mini, ulong stream) => Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out int value) =>
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 127)
            return true;
        _context.Report(Codes.BadVelocityAtom, span, text);
        return false;
    });

    /// <summary>A lane string that gives only the rhythm (the lane has <c>n</c>): any atom is a step.</summary>
    private Pattern<Atom>? RhythmOnly(StringSyntax mini, ulong stream, bool queried) =>
        Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out Atom value) =>
        {
            value = Step;
            return true;
        }, queried);

    private static readonly Atom Step = new([60], false);

    /// <summary>The steps of <c>mask</c> and <c>struct</c>: x, X, 1 or true play; 0 or false rest (as ~ does).</summary>
    private Pattern<bool>? RhythmPattern(StringSyntax mini, ulong stream) => Resolve(mini, stream, (string text, Core.Text.SourceSpan span, out bool value) =>
    {
        switch (text)
        {
            case "x" or "X" or "1" or "true" or "t":
                value = true;
                return true;
            case "0" or "false" or "f":
                value = false;
                return true;
            default:
                value = false;
                _context.Report(Codes.BadRhythmStep, span, text);
                return false;
        }
    });

    /// <summary>
    /// The string's pattern of what <paramref name="read"/> reads; when only diagnostics are wanted and nothing queries
    /// it (<paramref name="queried"/> false), checked only, with the same diagnostics, and silence for a pattern.
    /// </summary>
    private Pattern<T>? Resolve<T>(StringSyntax mini, ulong stream, MiniReader.AtomReader<T> read, bool queried = false) =>
        _context.CheckedStrings is { } strings && !queried
            ? MiniReader.Check(mini, stream, _context.Diagnostics, strings, read)
            : MiniReader.Read(mini, stream, _context.Diagnostics, read);
}
