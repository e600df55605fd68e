using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Lanes;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Patterns.Generators;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Generators;

/// <summary>
/// Checks a lane's rhythm generator (SPEC §15: <c>bresenham</c>, <c>weights</c>, <c>cellular</c>, <c>life</c>, <c>lsystem</c>) and builds the
/// pattern of atoms it plays: hits of the lane's drum (or plain steps when <c>n</c> gives the notes), or for
/// <c>weights</c> each step's voice read as the lane reads atoms.
/// </summary>
internal sealed class RhythmGeneratorBinder
{
    internal const int MaxSteps = 64;
    // The first row of `from random D` draws from its own salt, so no other random choice of the lane moves it.
    private const ulong FirstRowSalt = 0x4345_4C4C_0000_0001UL;
    // How far a dying automaton is followed at compile time to name the bar it falls silent.
    internal const long DeathSearch = 10_000;

    private readonly BindContext _context;
    private readonly IReadOnlyDictionary<string, Lsystem?> _lsystems;

    public RhythmGeneratorBinder(BindContext context, IReadOnlyDictionary<string, Lsystem?>? lsystems = null)
    {
        _context = context;
        _lsystems = lsystems ?? new Dictionary<string, Lsystem?>();
    }

    /// <param name="generator">The generator as written.</param>
    /// <param name="resolver">Reads a voice's name (<c>weights</c>) or the lane's hit (<c>x</c>) as the lane reads atoms.</param>
    /// <param name="kind">How the lane reads atoms.</param>
    /// <param name="step">The atom of a step when <c>n</c> gives the notes; null otherwise.</param>
    /// <param name="stream">The lane's random stream.</param>
    /// <param name="fullName">The lane's name, for messages.</param>
    public Pattern<Atom>? Bind(RhythmGeneratorSyntax generator, AtomResolver resolver, LaneKind kind, Atom? step, ulong stream, string fullName)
    {
        var name = generator.Keyword.Text;
        Atom? hit = step;
        if (name is not ("weights" or "lsystem" or "life") && hit is null)
        {
            if (kind != LaneKind.Drums)
            {
                _context.Report(Codes.GeneratedRhythmNeedsHits, generator.Keyword.Span, name);
                return null;
            }
            hit = resolver.Resolve("x", generator.Keyword.Span);
            if (hit is null) return null;
        }
        return name switch
        {
            "bresenham" => BresenhamPattern(generator, hit!),
            "weights" => WeightsPattern(generator, resolver, step),
            "lsystem" => LsystemPattern(generator, resolver, step),
            "life" => new LifeBinder(_context).Bind(generator, resolver, step, stream, fullName),
            _ => CellularPattern(generator, hit!, stream, fullName),
        };
    }

    private Pattern<Atom>? BresenhamPattern(RhythmGeneratorSyntax g, Atom hit)
    {
        if (_context.Integer(g.Numbers[1], 1, MaxSteps, Bad("bresenham", $"{g.Numbers[1].Text} steps: use 1 to {MaxSteps}")) is not { } steps) return null;
        if (_context.Integer(g.Numbers[0], 0, steps, Bad("bresenham", $"{g.Numbers[0].Text} hits: use 0 to the number of steps ({steps})")) is not { } hits) return null;
        var row = Bresenham.Steps(hits, steps).Select(h => (h, hit)).ToArray();
        return new StepRowPattern<Atom>(_ => row, Rational.One);
    }

    private Pattern<Atom>? WeightsPattern(RhythmGeneratorSyntax g, AtomResolver resolver, Atom? step)
    {
        var steps = 16;
        foreach (var o in g.Options)
        {
            if (o.Word.Text == "steps" && o.Number is { } n && o.Text is null && o.Qualifier is null)
            {
                if (_context.Integer(n, 1, MaxSteps, Bad("weights", $"{n.Text} steps: use 1 to {MaxSteps}")) is not { } s) return null;
                steps = s;
            }
            else
            {
                _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "weights", o.Word.Text, Suggestions.DidYouMean(o.Word.Text, new[] { "steps" }));
                return null;
            }
        }
        if (g.Weights.Count == 0)
        {
            _context.Report(Codes.BadGenerator, g.Keyword.Span, "weights", "list the voices and their weights: weights { bd 0.5 sd 0.25 hh 1 }");
            return null;
        }
        var weights = new List<Rational>();
        var voices = new List<Atom>();
        var ok = true;
        foreach (var w in g.Weights)
        {
            if (w.Weight.Value is { } value && value.Sign >= 0 && value <= 100) weights.Add(value);
            else
            {
                _context.Report(Codes.BadGenerator, w.Weight.Span, "weights", $"weight {w.Weight.Text}: use 0 to 100");
                ok = false;
            }
            if (resolver.Resolve(w.Drum.Text, w.Drum.Span) is { } atom) voices.Add(atom);
            else ok = false;
        }
        if (!ok) return null;
        var row = WeightedSteps.Steps(weights, steps).Select(v => v < 0 ? (false, voices[0]) : (true, step ?? voices[v])).ToArray();
        return new StepRowPattern<Atom>(_ => row, Rational.One);
    }

    private Pattern<Atom>? CellularPattern(RhythmGeneratorSyntax g, Atom hit, ulong stream, string fullName)
    {
        if (_context.Integer(g.Numbers[0], 0, 255, Bad("cellular", $"rule {g.Numbers[0].Text}: use 0 to 255 (Wolfram's numbering)")) is not { } rule) return null;
        var width = 16;
        GeneratorOptionSyntax? from = null;
        foreach (var o in g.Options)
        {
            switch (o.Word.Text)
            {
                case "width" when o.Number is { } n && o.Text is null && o.Qualifier is null:
                    if (_context.Integer(n, 1, MaxSteps, Bad("cellular", $"width {n.Text}: use 1 to {MaxSteps} cells")) is not { } w) return null;
                    width = w;
                    break;
                case "from" when o.Text is not null || (o.Qualifier is { Text: "random" } && o.Number is not null):
                    from = o;
                    break;
                default:
                    _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "cellular", o.Word.Text,
                        o.Word.Text == "from" ? " so written: use from \"x ~ ~ x ...\" or from random 0.3" : Suggestions.DidYouMean(o.Word.Text, new[] { "width", "from" }));
                    return null;
            }
        }
        ulong first;
        if (from is null) first = 1UL << (width / 2);
        else if (from.Text is { } text)
        {
            var cells = text.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != width || cells.Any(c => c is not ("x" or "X" or "1" or "~" or "0" or ".")))
            {
                _context.Report(Codes.BadGenerator, text.Span, "cellular", $"the first row is {width} cells, each x (alive) or ~ (dead), such as \"{string.Join(' ', Enumerable.Range(0, width).Select(i => i == width / 2 ? "x" : "~"))}\"");
                return null;
            }
            first = 0;
            for (var i = 0; i < width; i++)
                if (cells[i] is "x" or "X" or "1") first |= 1UL << i;
        }
        else
        {
            if (_context.InRange(from.Number!, 0, 1, Bad("cellular", $"from random {from.Number!.Text}: use a density 0 to 1")) is not { } density) return null;
            // Each cell's 53-bit draw against the density, exactly: draw / 2^53 < D (the draw SeededRandom.At gives as a double).
            first = 0;
            for (var i = 0; i < width; i++)
                if (new Rational((long)(SeededRandom.Bits(stream, FirstRowSalt, i) >> 11), 1L << 53) < density) first |= 1UL << i;
        }
        var automaton = new ElementaryAutomaton(rule, width, first);
        if (automaton.DiesAt(DeathSearch) is { } silent) _context.Report(Codes.AutomatonDiesOut, g.Span, fullName, silent);
        return new BitRowPattern<Atom>(bar => automaton.Row(bar < 0 ? 0 : bar), width, hit);
    }

    /// <summary><c>lsystem NAME gen G [step S]</c>: the word of generation G, one atom per step, bar after bar.</summary>
    private Pattern<Atom>? LsystemPattern(RhythmGeneratorSyntax g, AtomResolver resolver, Atom? step)
    {
        var reference = g.Reference!;
        if (!_lsystems.TryGetValue(reference.Text, out var defined))
        {
            _context.Report(Codes.BadGenerator, reference.Span, "lsystem", $"no L-system is called '{reference.Text}'{Suggestions.DidYouMean(reference.Text, _lsystems.Keys)}");
            return null;
        }
        int? generation = null;
        var length = new Rational(1, 16);
        foreach (var o in g.Options)
        {
            switch (o.Word.Text)
            {
                case "gen" when o.Number is { } n && o.Text is null && o.Qualifier is null:
                    if (_context.Integer(n, 0, 64, Bad("lsystem", $"gen {n.Text}: use a generation 0 to 64")) is not { } gen) return null;
                    generation = gen;
                    break;
                case "step" when o.Number is { } s:
                    if (s.Value is not { } value || value < new Rational(1, 256) || value > 16)
                    {
                        _context.Report(Codes.StepOutOfRange, s.Span, s.Text);
                        return null;
                    }
                    length = value;
                    break;
                default:
                    _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "lsystem", o.Word.Text, Suggestions.DidYouMean(o.Word.Text, new[] { "gen", "step" }));
                    return null;
            }
        }
        if (generation is null)
        {
            _context.Report(Codes.BadGenerator, g.Span, "lsystem", "which generation? write gen G, such as gen 4");
            return null;
        }
        if (defined is not { } system) return null;
        if (system.Word(generation.Value) is not { } word)
        {
            _context.Report(Codes.BadGenerator, g.Span, "lsystem", $"generation {generation} of '{system.Name}' is longer than {Lsystem.MaxWord} atoms: use an earlier one");
            return null;
        }
        // Each atom is read once, as the lane reads atoms, and reported where the definition writes it.
        var read = new Dictionary<string, (bool, Atom)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var atom in word.Distinct())
        {
            if (atom is "~" or ".") { read[atom] = (false, null!); continue; }
            if (step is not null) { read[atom] = (true, step); continue; }
            var span = system.AtomSpans.TryGetValue(atom, out var at) ? at : reference.Span;
            if (resolver.Resolve(atom, span) is { } resolved) read[atom] = (true, resolved);
            else ok = false;
        }
        if (!ok) return null;
        if (word.Length == 0) return Patterns.Pattern.Silence<Atom>();
        return new WordPattern<Atom>(word.Select(a => read[a]).ToArray(), length);
    }

    internal static DiagnosticDescriptor Bad(string generator, string what) => Codes.BadGenerator with { Format = generator + ": " + what };
}
