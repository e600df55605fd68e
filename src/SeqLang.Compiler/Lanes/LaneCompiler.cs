using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Mini;
using SeqLang.Compiler.Piece;
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

    public LaneCompiler(BindContext context, PieceSettings settings, string trackName, int trackIndex, int channel,
        IReadOnlyDictionary<string, int>? kit, string kitLabel, bool hasHarmony)
    {
        _context = context;
        _settings = settings;
        _trackName = trackName;
        _trackIndex = trackIndex;
        _channel = channel;
        _kit = kit;
        _kitLabel = kitLabel;
        _hasHarmony = hasHarmony;
    }

    public CompiledLane? Compile(LaneSyntax lane, string name, int laneIndex, IReadOnlySet<string>? sections, IReadOnlyList<ModifierSyntax> blockEvery)
    {
        var fullName = $"{_trackName}.{name}";
        var stream = SeededRandom.StreamFor(_settings.Seed, fullName);
        var errorsBefore = _context.Diagnostics.ErrorCount;

        if (lane.IsControl) _context.Integer(lane.Controller!, 0, 127, Codes.ControllerOutOfRange);

        var baseKind = lane.IsControl ? LaneKind.Control : _kit is not null ? LaneKind.Drums : LaneKind.Pitched;
        var description = baseKind switch
        {
            LaneKind.Control => "a cc lane",
            LaneKind.Drums => "a drum lane",
            _ => "this lane",
        };
        var binder = new ModifierBinder(_context, mini => VelocityPattern(mini, stream), mini => RhythmPattern(mini, stream));
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
            var values = n.Syntax.Text is { } text
                ? AtomPattern(text, stream, resolver)
                : resolver.Resolve(n.Syntax.Number!.Text, n.Syntax.Number.Span) is { } single ? Patterns.Pattern.Pure(single) : null;
            if (values is not null) bound.Transforms[i] = n with { Atoms = values };
        }
        var atoms = hasNoteValues ? RhythmOnly(lane.Mini, stream) : AtomPattern(lane.Mini, stream, resolver);
        if (atoms is null || _context.Diagnostics.ErrorCount > errorsBefore) return null;

        var laneDefault = new LaneNote(default!, 100, Rational.One, 0, _channel);
        Pattern<LaneNote> pattern = new AtomToNotePattern(atoms, laneDefault);
        var transforms = new LaneTransforms(_settings, stream);
        if (_settings.Swing != 50 && !bound.Transforms.Any(t => t is SwingModifier))
            pattern = transforms.Swing(pattern, _settings.Swing, 16);
        foreach (var modifier in bound.Transforms) pattern = transforms.Apply(pattern, modifier);
        foreach (var modifier in every) pattern = transforms.Apply(pattern, modifier);

        if (bound.Muted) _context.Report(Codes.EveryMutedLaneWarning, lane.Name.Span, fullName);
        return new CompiledLane(name, fullName, _trackIndex, laneIndex, kind, lane.IsControl ? (int)lane.Controller!.Value!.Value.Numerator : null,
            pattern, bound.Muted, sections, bound.Voicing, lane.Name.Span, resolver.UsesHarmony);
    }

    private delegate bool AtomReader<T>(MiniAtomSyntax atom, out T value);

    private Pattern<Atom>? AtomPattern(StringSyntax mini, ulong stream, AtomResolver resolver) =>
        Resolve(mini, stream, (MiniAtomSyntax atom, out Atom value) => (value = resolver.Resolve(atom.Text, atom.Span)!) is not null);

    private Pattern<int>? VelocityPattern(StringSyntax mini, ulong stream) => Resolve(mini, stream, (MiniAtomSyntax atom, out int value) =>
    {
        if (int.TryParse(atom.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 127)
            return true;
        _context.Report(Codes.BadVelocityAtom, atom.Span, atom.Text);
        return false;
    });

    /// <summary>A lane string that gives only the rhythm (the lane has <c>n</c>): any atom is a step.</summary>
    private Pattern<Atom>? RhythmOnly(StringSyntax mini, ulong stream) =>
        Resolve(mini, stream, (MiniAtomSyntax atom, out Atom value) =>
        {
            value = Step;
            return true;
        });

    private static readonly Atom Step = new([60], false);

    /// <summary>The steps of <c>mask</c> and <c>struct</c>: x, X, 1 or true play; 0 or false rest (as ~ does).</summary>
    private Pattern<bool>? RhythmPattern(StringSyntax mini, ulong stream) => Resolve(mini, stream, (MiniAtomSyntax atom, out bool value) =>
    {
        switch (atom.Text)
        {
            case "x" or "X" or "1" or "true" or "t":
                value = true;
                return true;
            case "0" or "false" or "f":
                value = false;
                return true;
            default:
                value = false;
                _context.Report(Codes.BadRhythmStep, atom.Span, atom.Text);
                return false;
        }
    });

    /// <summary>
    /// Parses a string, reads every played atom once (so each mistake is reported once, where it is, whether or
    /// not a render reaches it), and maps the pattern's atoms to what they were read as.
    /// </summary>
    private Pattern<T>? Resolve<T>(StringSyntax mini, ulong stream, AtomReader<T> read)
    {
        var syntax = MiniParser.Parse(mini.Content, mini.ContentStart, _context.Diagnostics);
        if (syntax is null) return null;
        var values = new Dictionary<int, T>();
        var ok = true;
        var played = new List<MiniAtomSyntax>();
        MiniAtoms.Played(syntax.Body, played);
        foreach (var atom in played)
        {
            if (read(atom, out var value)) values[atom.Span.Start] = value;
            else ok = false;
        }
        var pattern = MiniCompiler.Compile(syntax, stream, _context.Diagnostics);
        if (!ok || pattern is null) return null;
        return pattern.Select(atom => values[atom.Span.Start]);
    }
}
