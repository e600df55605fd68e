using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Values;

/// <summary>
/// Checks a value as written (SPEC §12) and builds what reads it: numbers, mini strings, shapes with their ranges,
/// periods, phases and easing, random signals, products and named signals. Every mistake is reported where it is
/// written, with a suggestion for a misspelt name.
/// </summary>
internal sealed partial class ValueBinder
{
    public static readonly string[] Shapes = { "sine", "cosine", "saw", "isaw", "tri", "square" };
    public static readonly string[] SignalWords = { "sine", "cosine", "saw", "isaw", "tri", "square", "rand", "irand", "perlin", "ramp", "vdc", "walk", "logistic", "melody", "turing" };

    private const long MaxLengthBars = 100_000;
    // Random signals are told apart by their place: a salt space of their own, so that adding one never moves the
    // draws of a lane's '?', prob or humanize.
    private const ulong SaltSpace = 0x5349_474E_0000_0000UL;

    private readonly BindContext _context;
    private readonly IReadOnlyDictionary<string, ValueExpression?> _named;
    private readonly Func<StringSyntax, string, MiniValue?> _compileMini;
    private readonly Rational _barQuarters;
    private readonly ulong _saltBase;
    private ulong _places;
    private readonly bool _hasForm;
    private readonly IReadOnlyDictionary<string, MarkovChain?> _chains;

    /// <param name="context">Where mistakes are reported.</param>
    /// <param name="named">The file's <c>signal</c> definitions that this value may use.</param>
    /// <param name="compileMini">Compiles a mini string of numbers, reporting atoms that are not (the string names what reads it).</param>
    /// <param name="barQuarters">Quarter notes in a bar: <c>over N beats</c> is N quarters.</param>
    /// <param name="chains">The file's <c>markov</c> chains, for <c>n markov NAME</c>.</param>
    /// <param name="hasForm">Whether the file has a form: without one, <c>over section</c> is one bar, with a warning.</param>
    /// <param name="saltBase">Tells apart the random signals of different definitions (lanes have their own streams).</param>
    /// <param name="key">The file's key, whose scale <c>melody</c> chooses from.</param>
    public ValueBinder(BindContext context, IReadOnlyDictionary<string, ValueExpression?> named, Func<StringSyntax, string, MiniValue?> compileMini,
        Rational barQuarters, ulong saltBase = 0, bool hasForm = true, IReadOnlyDictionary<string, MarkovChain?>? chains = null, Piece.MusicalKey? key = null)
    {
        _key = key ?? Piece.MusicalKey.CMajor;
        _chains = chains ?? new Dictionary<string, MarkovChain?>();
        _hasForm = hasForm;
        _context = context;
        _named = named;
        _compileMini = compileMini;
        _barQuarters = barQuarters;
        _saltBase = saltBase;
    }

    /// <summary>The value, or null after reporting. <paramref name="what"/> names the reader in messages ("vel").</summary>
    public ValueExpression? Bind(ValueSyntax syntax, string what) => syntax switch
    {
        NumberValueSyntax n => n.Number.Value is { } v ? Constant(v, n.Number) : null,
        MiniValueSyntax m => _compileMini(m.Text, what),
        ProductValueSyntax p => Product(p, what),
        SignalSyntax s => Signal(s, what),
        MarkovValueSyntax m => Markov(m, what),
        _ => null,
    };

    private ValueExpression? Markov(MarkovValueSyntax m, string what)
    {
        if (what != "n")
        {
            _context.Report(Codes.BadGenerator, m.Span, "markov", $"a chain's states are atoms: use it with n (n markov {m.Chain.Text}), not with {what}");
            return null;
        }
        if (!_chains.TryGetValue(m.Chain.Text, out var chain))
        {
            _context.Report(Codes.BadGenerator, m.Chain.Span, "markov", $"no chain is called '{m.Chain.Text}'{Suggestions.DidYouMean(m.Chain.Text, _chains.Keys)}");
            return null;
        }
        return chain is null ? null : new MarkovGenerator(chain, SaltSpace | (_saltBase << 16) | ++_places);
    }

    /// <summary>Warns when a value can leave <paramref name="min"/>..<paramref name="max"/>, where it will be clamped (SPEC §12).</summary>
    public void WarnOutside(string what, Core.Text.SourceSpan span, ValueExpression value, FixedPoint min, FixedPoint max, string range)
    {
        if (value.IsConstant) return;
        var ends = new List<string>(2);
        if (value.Min < min) ends.Add(value.Min.ToString());
        if (value.Max > max) ends.Add(value.Max.ToString());
        if (ends.Count > 0) _context.Report(Codes.ValueRangeClamped, span, what, string.Join(" and ", ends), range);
    }

    private ValueExpression? Constant(Rational value, NumberSyntax number)
    {
        if (value.Abs() > 1_000_000)
        {
            _context.Report(Codes.ValueNotANumber, number.Span, "a value", $"{number.Text} (use -1000000 to 1000000)");
            return null;
        }
        return new ConstantValue(FixedPoint.FromRational(value));
    }

    private ValueExpression? Product(ProductValueSyntax p, string what)
    {
        var factors = new ValueExpression[p.Factors.Count];
        var ok = true;
        for (var i = 0; i < factors.Length; i++)
        {
            if (Bind(p.Factors[i], what) is { } factor) factors[i] = factor;
            else ok = false;
        }
        if (!ok) return null;
        // A generator moves one step per onset through the event stream: a product reads its factors at a time, which
        // a generator cannot answer (it threw while rendering before this check).
        for (var i = 0; i < factors.Length; i++)
        {
            if (factors[i] is not ValueGenerator) continue;
            var name = GeneratorName(p.Factors[i]);
            _context.Report(Codes.BadGenerator, p.Factors[i].Span, name, "a value generator moves one step per onset and cannot be multiplied: give it the range it should cover");
            ok = false;
        }
        if (!ok) return null;
        try
        {
            return new ProductValue(factors);
        }
        catch (OverflowException)
        {
            _context.Report(Codes.ValueNotANumber, p.Span, what, "a product this large (keep it within ±2147483647)");
            return null;
        }
    }

    /// <summary>The word that names a generator as written, for messages.</summary>
    internal static string GeneratorName(ValueSyntax syntax) => syntax switch
    {
        SignalSyntax s => s.Name.Text,
        MarkovValueSyntax => "markov",
        _ => "a generator",
    };

    private ValueExpression? Signal(SignalSyntax s, string what)
    {
        var name = s.Name.Text;
        if (!SignalWords.Contains(name))
        {
            if (_named.TryGetValue(name, out var named))
            {
                if (s.Argument is not null || s.Range is not null || s.Over is not null || s.Phase is not null || s.Ease is not null || s.Step is not null || s.Loop is not null || s.NamedOptions.Count > 0)
                {
                    _context.Report(Codes.SignalOptionNotFor, s.Span, name, "options: it is a named signal; write them in its definition");
                    return null;
                }
                // A definition with errors was reported where it is written.
                return named;
            }
            _context.Report(Codes.UnknownSignal, s.Name.Span, name, Suggestions.DidYouMean(name, SignalWords.Concat(_named.Keys)));
            return null;
        }

        if (name == "melody") return Melody(s, what);
        if (name == "turing") return Turing(s, what);

        var ok = true;
        if (s.Loop is { } loop)
        {
            _context.Report(Codes.SignalOptionNotFor, loop.Span, name, "a string");
            ok = false;
        }
        foreach (var option in s.NamedOptions)
        {
            _context.Report(Codes.SignalOptionNotFor, option.Span, name, $"'{option.Word.Text}'");
            ok = false;
        }
        if (s.Argument is { } argument && name is not ("irand" or "logistic"))
        {
            _context.Report(Codes.SignalOptionNotFor, argument.Span, name, $"a number here{(s.Range is null ? $" (a range is written {argument.Text}..B)" : "")}");
            ok = false;
        }
        if (s.Ease is { } ease && name != "ramp")
        {
            _context.Report(Codes.SignalOptionNotFor, ease.Span, name, "ease (only ramp is eased)");
            ok = false;
        }
        if (s.Step is { } stepWord && name != "walk")
        {
            _context.Report(Codes.SignalOptionNotFor, stepWord.Span, name, "a step (only walk moves by steps)");
            ok = false;
        }
        if (s.Phase is { } phase && !Shapes.Contains(name))
        {
            _context.Report(Codes.SignalOptionNotFor, phase.Span, name, "a phase (only sine, cosine, saw, isaw, tri and square do)");
            ok = false;
        }
        if (s.Over is { } overSyntax && name is "rand" or "irand" or "vdc" or "walk" or "logistic")
        {
            _context.Report(Codes.SignalOptionNotFor, overSyntax.Span, name, "a period (it has none)");
            ok = false;
        }
        if (s.Range is { } r && name == "irand")
        {
            _context.Report(Codes.SignalOptionNotFor, r.Span, name, "a range (irand N gives 0 to N-1; for numbers between A and B use rand A..B)");
            ok = false;
        }

        var (from, to) = (FixedPoint.Zero, FixedPoint.One);
        if (s.Range is { } range && name != "irand")
        {
            if (range.From.Value is { } a && range.To.Value is { } b && a.Abs() <= 1_000_000 && b.Abs() <= 1_000_000)
                (from, to) = (FixedPoint.FromRational(a), FixedPoint.FromRational(b));
            else
            {
                _context.Report(Codes.ValueNotANumber, range.Span, name, $"the range {range.From.Text}..{range.To.Text} (use -1000000 to 1000000)");
                ok = false;
            }
        }
        var length = SignalLength.OneBar;
        if (s.Over is { } over && name is not ("rand" or "irand" or "vdc" or "walk" or "logistic"))
        {
            if (Length(over) is { } l) length = l;
            else ok = false;
        }
        var phaseValue = Rational.Zero;
        if (s.Phase is { } ph && Shapes.Contains(name))
        {
            if (ph.Value is { } pv && pv.Abs() <= 1000) phaseValue = pv;
            else
            {
                _context.Report(Codes.ValueNotANumber, ph.Span, "phase", $"{ph.Text} (use -1000 to 1000 periods)");
                ok = false;
            }
        }
        var easing = Easing.None;
        if (s.Ease is { } e && name == "ramp")
        {
            switch (e.Text)
            {
                case "in": easing = Easing.In; break;
                case "out": easing = Easing.Out; break;
                case "inout": easing = Easing.InOut; break;
                default:
                    _context.Report(Codes.SignalOptionNotFor, e.Span, "ramp", $"ease {e.Text}: use in, out or inout{Suggestions.DidYouMean(e.Text, new[] { "in", "out", "inout" })}");
                    ok = false;
                    break;
            }
        }
        if (name == "ramp" && (s.Range is null || s.Over is null))
        {
            _context.Report(Codes.SignalNeeds, s.Span, "ramp", s.Range is null ? "a range" : "a period", "ramp 60..120 over 4 bars (or over section)");
            ok = false;
        }
        long whole = 0;
        if (name == "irand")
        {
            if (s.Argument is not { } n)
            {
                _context.Report(Codes.SignalNeeds, s.Span, "irand", "a count", "irand 8 for 0 to 7");
                ok = false;
            }
            else if (_context.Integer(n, 1, 1_000_000, Codes.ValueNotANumber with { Format = "irand {0} is out of range: use a whole number 1 to 1000000" }) is { } count)
                whole = count;
            else ok = false;
        }
        if (name == "walk" && (s.Range is not { } walkRange || walkRange.From.Value is not { IsInteger: true } || walkRange.To.Value is not { IsInteger: true }))
        {
            _context.Report(Codes.SignalNeeds, s.Span, "walk", "a range of whole numbers", "walk 0..7 (or walk 0..7 step 2)");
            ok = false;
        }
        long walkStep = 1;
        if (name == "walk" && s.Step is { } stepNumber)
        {
            if (_context.Integer(stepNumber, 1, 1000, Codes.ValueNotANumber with { Format = "walk step {0} is out of range: use a whole number 1 to 1000" }) is { } st) walkStep = st;
            else ok = false;
        }
        var rate = FixedPoint.Zero;
        if (name == "logistic")
        {
            if (s.Argument is not { } rateNumber)
            {
                _context.Report(Codes.SignalNeeds, s.Span, "logistic", "a rate", "logistic 3.7 (or logistic 3.7 0..7)");
                ok = false;
            }
            else if (_context.InRange(rateNumber, 0, 4, Codes.ValueNotANumber with { Format = "logistic {0} is out of range: use a rate above 0, at most 4" }, minExclusive: true) is { } rv)
                rate = FixedPoint.FromRational(rv);
            else ok = false;
        }
        if (!ok) return null;

        var salt = SaltSpace | (_saltBase << 16) | ++_places;
        return name switch
        {
            "sine" => new ShapeSignal(SignalShape.Sine, from, to, length, phaseValue),
            "cosine" => new ShapeSignal(SignalShape.Cosine, from, to, length, phaseValue),
            "saw" => new ShapeSignal(SignalShape.Saw, from, to, length, phaseValue),
            "isaw" => new ShapeSignal(SignalShape.ISaw, from, to, length, phaseValue),
            "tri" => new ShapeSignal(SignalShape.Tri, from, to, length, phaseValue),
            "square" => new ShapeSignal(SignalShape.Square, from, to, length, phaseValue),
            "rand" => new RandomSignal(from, to, salt),
            "irand" => new RandomSignal(FixedPoint.Zero, FixedPoint.Zero, salt, whole),
            "perlin" => new PerlinSignal(from, to, length, salt),
            "ramp" => new RampSignal(from, to, length, easing),
            "walk" => new WalkGenerator(Math.Min(from.Floor(), to.Floor()), Math.Max(from.Floor(), to.Floor()), walkStep, salt),
            "logistic" => new LogisticGenerator(rate, from, to),
            _ => new VanDerCorputSignal(from, to),
        };
    }

    /// <summary>
    /// <c>turing "MINI" drift P</c>: the string's words are the loop (numbers; with <c>n</c>, atoms as the lane reads them,
    /// like a markov chain's states), P a chance per pass 0..1. Nothing else is taken.
    /// </summary>
    private ValueExpression? Turing(SignalSyntax s, string what)
    {
        var ok = true;
        void Refuse(SourceSpan span, string option)
        {
            _context.Report(Codes.SignalOptionNotFor, span, "turing", option);
            ok = false;
        }
        if (s.Argument is { } argument) Refuse(argument.Span, "a number here");
        if (s.Range is { } range) Refuse(range.Span, "a range (its values are the loop's)");
        if (s.Over is { } over) Refuse(over.Span, "a period (it moves once per onset)");
        if (s.Phase is { } phase) Refuse(phase.Span, "a phase");
        if (s.Ease is { } ease) Refuse(ease.Span, "ease (only ramp is eased)");
        if (s.Step is { } step) Refuse(step.Span, "a step (only walk moves by steps)");
        Rational? drift = null;
        foreach (var option in s.NamedOptions)
        {
            if (option.Word.Text == "drift" && option.Number is { } p && drift is null)
            {
                if (_context.InRange(p, 0, 1, Codes.BadGenerator with { Format = "turing: drift {0}: use a chance per pass, 0 to 1" }) is { } chance) drift = chance;
                else ok = false;
            }
            else Refuse(option.Span, $"'{option.Word.Text}'{(option.Word.Text == "drift" ? " so written (once, with a number: drift 0.1)" : Suggestions.DidYouMean(option.Word.Text, new[] { "drift" }))}");
        }
        if (s.Loop is not { } loop)
        {
            _context.Report(Codes.SignalNeeds, s.Span, "turing", "a loop of values", "turing \"0 3 5 7\" drift 0.1");
            return null;
        }
        if (drift is null && ok)
        {
            _context.Report(Codes.SignalNeeds, s.Span, "turing", "a drift", $"turing \"{loop.Content}\" drift 0.1 (drift 0 never changes the loop)");
            return null;
        }

        // The loop's words, each with its place in the file.
        var words = new List<(string Text, SourceSpan Span)>();
        for (var i = 0; i < loop.Content.Length;)
        {
            if (char.IsWhiteSpace(loop.Content[i])) { i++; continue; }
            var start = i;
            while (i < loop.Content.Length && !char.IsWhiteSpace(loop.Content[i])) i++;
            words.Add((loop.Content[start..i], new SourceSpan(loop.ContentStart + start, i - start)));
        }
        if (words.Count is 0 or > 256)
        {
            _context.Report(Codes.BadGenerator, loop.Span, "turing", $"a loop of {words.Count} values: write 1 to 256, separated by spaces, such as \"0 3 5 7\"");
            return null;
        }
        var atoms = what == "n";
        var distinct = new List<string>();
        var values = new List<FixedPoint>();
        var positions = new int[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var (text, span) = words[w];
            if (text.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-' or '#' or '\'' or '_')))
            {
                _context.Report(Codes.BadGenerator, span, "turing", $"'{text}': a loop is values separated by spaces (such as \"0 3 5 7\" or \"c3 eb3 g3\"), without mini-notation");
                return null;
            }
            FixedPoint number = default;
            if (!atoms)
            {
                if (!Rational.TryParseDecimal(text, out var parsed) || parsed.Abs() > 1_000_000)
                {
                    _context.Report(Codes.ValueNotANumber, span, what, $"'{text}' (a loop for {what} is numbers, -1000000 to 1000000)");
                    return null;
                }
                number = FixedPoint.FromRational(parsed);
            }
            // Distinct values: atoms as written, numbers by their value (1 and 1.0 are one value).
            var index = atoms ? distinct.IndexOf(text) : values.IndexOf(number);
            if (index < 0)
            {
                index = distinct.Count;
                distinct.Add(text);
                values.Add(number);
            }
            positions[w] = index;
        }
        if (!ok) return null;
        var salt = SaltSpace | (_saltBase << 16) | ++_places;
        if (!atoms) return new TuringGenerator(positions, values.ToArray(), drift!.Value, salt);
        // Each distinct atom is read by the lane where it is first written.
        return new TuringGenerator(positions, values.ToArray(), drift!.Value, salt, distinct.Select(d => words.First(w => w.Text == d)).ToArray());
    }

    private SignalLength? Length(LengthSyntax over)
    {
        var unit = over.Unit.Text;
        if (unit == "section")
        {
            if (over.Count is null)
            {
                if (!_hasForm) _context.Report(Codes.OverSectionWithoutForm, over.Span);
                return new SignalLength(Rational.One, Section: true);
            }
            _context.Report(Codes.BadSignalLength, over.Span, $"{over.Count.Text} section", " (a section's length is its own)");
            return null;
        }
        if (unit is not ("bar" or "bars" or "beat" or "beats"))
        {
            _context.Report(Codes.BadSignalLength, over.Unit.Span, unit, Suggestions.DidYouMean(unit, new[] { "bars", "beats", "section" }));
            return null;
        }
        var count = over.Count?.Value ?? Rational.One;
        var bars = unit is "beat" or "beats" ? count / _barQuarters : count;
        if (count.Sign <= 0 || bars > MaxLengthBars || (over.Count is not null && over.Count.Value is null))
        {
            _context.Report(Codes.BadSignalLength, over.Span, $"{over.Count?.Text} {unit}", $", more than 0 and at most {MaxLengthBars} bars");
            return null;
        }
        return new SignalLength(bars, Section: false);
    }
}
