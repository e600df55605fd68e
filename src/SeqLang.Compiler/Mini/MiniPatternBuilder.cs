using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Mini;

/// <summary>
/// Turns a mini-notation AST into a pattern, node by node, as Strudel's <c>mini.mjs</c> does: sequences
/// are weighted time-cats, <c>&lt; &gt;</c> stacks its sequences each slowed by its total weight,
/// <c>{ }</c> speeds each sequence to the steps per cycle, and operators apply left to right
/// (see <c>MiniPatternBuilder.Operators.cs</c>). Operator arguments are compiled in the same way, as
/// patterns of numbers.
/// </summary>
internal sealed partial class MiniPatternBuilder
{
    /// <summary>Nodes plus operators along any path; beyond this a query could exhaust the thread's stack.</summary>
    public const int MaxDepth = 500;

    private const int MaxStaticValues = 1024;

    private readonly ulong _stream;
    private readonly DiagnosticBag _diagnostics;
    private readonly int _contentStart;
    private int _depth;

    /// <summary>
    /// Counts constructs whose queries can fail (a word as a patterned argument, a patterned euclid,
    /// a zero-step polymeter, a range): a euclid over a source compiled after such a mark queries its
    /// off steps too, as Strudel does, so the failure shows the same way.
    /// </summary>
    private int _mayFail;

    public MiniPatternBuilder(ulong stream, DiagnosticBag diagnostics, int contentStart)
    {
        _stream = stream;
        _diagnostics = diagnostics;
        _contentStart = contentStart;
    }

    public bool Failed { get; private set; }

    /// <summary>
    /// The values the pattern can produce, when they can be listed at compile time (atoms, and the
    /// lists <c>:</c> makes when there are few); <see cref="ValuesComplete"/> is false when some are only
    /// known while querying (long ranges, huge products of lists).
    /// </summary>
    public List<MiniAtom> Values { get; } = new();

    public bool ValuesComplete { get; private set; } = true;

    /// <summary>The pattern; on errors (then reported, <see cref="Failed"/> set) silence. Never throws for the input's sake.</summary>
    public Pattern<MiniAtom> Build(MiniSyntax syntax)
    {
        try
        {
            return Node(syntax.Body, Values).Pattern;
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            // Weights or speeds whose exact sums outgrow 64-bit fractions ("a@9e18 b@9e18").
            Error(Codes.MiniNumbersTooLarge, syntax.Span);
            return Pattern.Silence<MiniAtom>();
        }
    }

    /// <summary>
    /// A compiled node and its weight: a sequence's total step weight (Strudel's <c>__weight</c>), else 1.
    /// Null where Strudel leaves <c>__weight</c> undefined (a sequence whose steps all weigh 0).
    /// </summary>
    private readonly record struct Compiled(Pattern<MiniAtom> Pattern, Rational? Weight);

    // values collects the atoms that become event values; null for operator arguments.
    private Compiled Node(MiniNodeSyntax node, List<MiniAtom>? values)
    {
        if (++_depth > MaxDepth) return TooDeep(node);
        try
        {
            switch (node)
            {
                case MiniAtomSyntax atom:
                    return new Compiled(Atom(atom, values), Rational.One);
                case MiniSequenceSyntax sequence:
                    return Sequence(sequence, values);
                case MiniGroupSyntax group:
                    return new Compiled(Group(group, values), Rational.One);
                case MiniSubCycleSyntax sub:
                    return new Compiled(Node(sub.Body, values).Pattern, Rational.One);
                case MiniPolymeterSyntax polymeter:
                    return new Compiled(Polymeter(polymeter, values), Rational.One);
                case MiniAlternationSyntax alternation:
                    return new Compiled(Alternation(alternation, values), Rational.One);
                case MiniElementSyntax element:
                    return Element(element, values);
                default:
                    throw new InvalidOperationException("unknown mini-notation node: " + node.GetType().Name);
            }
        }
        finally
        {
            _depth--;
        }
    }

    private Compiled TooDeep(MiniNodeSyntax node)
    {
        if (!Failed) _diagnostics.Add(Codes.MiniTooComplex, node.Span, MaxDepth);
        Failed = true;
        return new Compiled(Pattern.Silence<MiniAtom>(), Rational.One);
    }

    // Strudel: "~" and "-" are silence; anything else is pure(value).
    private static Pattern<MiniAtom> Atom(MiniAtomSyntax syntax, List<MiniAtom>? values)
    {
        if (syntax.IsRest) return Pattern.Silence<MiniAtom>();
        var atom = new MiniAtom(syntax.Text, syntax.Span);
        values?.Add(atom);
        return Pattern.Pure(atom);
    }

    // Strudel: when some step has a weight other than 0, timeCat of the steps by weight (0 counting as 1)
    // and __weight = the total; a total of 0 makes timeCat divide by zero, so Strudel refuses the string.
    // When every weight is 0 (a@0), a plain sequence with __weight undefined.
    private Compiled Sequence(MiniSequenceSyntax sequence, List<MiniAtom>? values)
    {
        var steps = new (Rational Weight, Pattern<MiniAtom> Pattern)[sequence.Elements.Count];
        var weighted = false;
        for (var i = 0; i < steps.Length; i++)
        {
            var (pattern, weight) = Element(sequence.Elements[i], values);
            steps[i] = (weight ?? Rational.One, pattern);
            weighted |= !steps[i].Weight.IsZero;
        }
        if (!weighted)
        {
            var patterns = new Pattern<MiniAtom>[steps.Length];
            for (var i = 0; i < steps.Length; i++) patterns[i] = steps[i].Pattern;
            return new Compiled(Pattern.FastCat(patterns), null);
        }
        var total = Rational.Zero;
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].Weight.IsZero) steps[i].Weight = 1;
            total += steps[i].Weight;
        }
        if (total.IsZero && steps.Length > 1) Error(Codes.MiniWeightsAddToZero, sequence.Span);
        return new Compiled(Pattern.TimeCat(steps), total);
    }

    private Pattern<MiniAtom> Group(MiniGroupSyntax group, List<MiniAtom>? values)
    {
        var patterns = new Pattern<MiniAtom>[group.Sequences.Count];
        for (var i = 0; i < patterns.Length; i++) patterns[i] = Node(group.Sequences[i], values).Pattern;
        return group.Kind switch
        {
            MiniGroupKind.Stack => Pattern.Stack(patterns),
            // Strudel: chooseInWith(rand.segment(1), children): one pick per cycle.
            MiniGroupKind.RandomChoice => Pattern.RandomChoice(patterns, _stream, Salt(SaltKind.Choice, group.Span)),
            // Strudel: fastcat(children): each foot one equal step.
            _ => Pattern.FastCat(patterns),
        };
    }

    // Strudel: stack(children.map(child => child.fast(steps.fmap(x => x.div(child.__weight))))), steps
    // being the %-pattern or the first sequence's weight. The factor is a Fraction there, so a factor of 0
    // is not caught as "silence" and the query divides by zero (see ZeroSpeedPattern).
    private Pattern<MiniAtom> Polymeter(MiniPolymeterSyntax polymeter, List<MiniAtom>? values)
    {
        var sequences = new Compiled[polymeter.Sequences.Count];
        for (var i = 0; i < sequences.Length; i++) sequences[i] = Node(polymeter.Sequences[i], values);
        Rational? constantSteps = sequences[0].Weight ?? Rational.Zero; // Fraction(undefined) is 0
        Pattern<Rational>? patternedSteps = null;
        if (polymeter.StepsPerCycle is { } stepsSyntax)
        {
            constantSteps = Constant(stepsSyntax);
            if (constantSteps is null) patternedSteps = Numbers(stepsSyntax, "'%'");
        }
        if (patternedSteps is not null || constantSteps is { IsZero: true }) _mayFail++;
        var aligned = new Pattern<MiniAtom>[sequences.Length];
        for (var i = 0; i < sequences.Length; i++)
        {
            var (pattern, weight) = sequences[i];
            if (weight is not { } w)
            {
                _mayFail++;
                aligned[i] = Pattern.Failing<MiniAtom>("the steps of a polymeter sequence all weigh 0 (division by zero)");
            }
            else if (patternedSteps is null)
                aligned[i] = PolymeterSpeed(pattern, constantSteps!.Value, w);
            else
                aligned[i] = Pattern.Patterned(patternedSteps, steps => PolymeterSpeed(pattern, steps / w));
        }
        return Pattern.Stack(aligned);
    }

    private static Pattern<MiniAtom> PolymeterSpeed(Pattern<MiniAtom> pattern, Rational factor) =>
        factor.IsZero ? new ZeroSpeedPattern(pattern) : pattern.Fast(factor);

    // Strudel's steps are a pattern even when constant, so the speed-up is applied cycle by cycle (an
    // innerJoin over one event per cycle): a backwards query (inside a negative speed) meets nothing.
    private static Pattern<MiniAtom> PolymeterSpeed(Pattern<MiniAtom> pattern, Rational steps, Rational weight) =>
        Pattern.Patterned(Pattern.Pure(steps / weight), factor => PolymeterSpeed(pattern, factor));

    // Strudel (polymeter_slowcat): stack(children.map(child => child._slow(child.__weight))); an undefined
    // weight makes _slow divide by zero while the pattern is built, so Strudel refuses the string.
    private Pattern<MiniAtom> Alternation(MiniAlternationSyntax alternation, List<MiniAtom>? values)
    {
        var patterns = new Pattern<MiniAtom>[alternation.Sequences.Count];
        for (var i = 0; i < patterns.Length; i++)
        {
            var (pattern, weight) = Node(alternation.Sequences[i], values);
            if (weight is not { } w || w.IsZero)
            {
                Error(Codes.MiniWeightsAddToZero, alternation.Sequences[i].Span);
                w = Rational.One;
            }
            patterns[i] = pattern.Slow(w);
        }
        return Pattern.Stack(patterns);
    }

    /// <summary>The exact number a slice stands for when it is a plain number atom, such as the 3 in <c>a*3</c>.</summary>
    private static Rational? Constant(MiniNodeSyntax node) => node switch
    {
        MiniAtomSyntax { IsRest: false } atom when JsNumber.TryExactDecimal(atom.Text, out var value) => value,
        _ => null,
    };

    /// <summary>
    /// An operator's argument as a pattern of numbers. Strudel converts each value with <c>Fraction(x)</c>
    /// while querying, which throws for a word, and a query that throws yields nothing: each word among
    /// the argument's atoms gets a warning so the silence is explained.
    /// </summary>
    private Pattern<Rational> Numbers(MiniNodeSyntax node, string what)
    {
        var atoms = new List<MiniAtom>();
        var pattern = Node(node, atoms).Pattern;
        foreach (var atom in atoms)
        {
            if (atom.ExactNumber is not null) continue;
            _diagnostics.Add(Codes.MiniArgumentMayFail, atom.Span, atom.Text, what);
            _mayFail++;
        }
        return pattern.Select(ToNumber);
    }

    private static Rational ToNumber(MiniAtom atom) =>
        atom.ExactNumber ?? throw new PatternQueryException($"'{atom.Text}' is not a number");

    /// <summary>A plain atom given directly as an argument (Strudel passes it on as a value, not a pattern).</summary>
    private static MiniAtom? PlainAtom(MiniNodeSyntax node) =>
        node is MiniAtomSyntax { IsRest: false } atom ? new MiniAtom(atom.Text, atom.Span) : null;

    private enum SaltKind : ulong { Choice = 1, Degrade = 2 }

    /// <summary>Random operators are told apart by kind and position in the string, so editing one leaves the others' dice alone.</summary>
    private ulong Salt(SaltKind kind, SourceSpan span) => ((ulong)kind << 40) ^ (ulong)(uint)(span.Start - _contentStart);

    private void Error(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        _diagnostics.Add(descriptor, span, args);
        Failed = true;
    }

    private void AddValues(List<MiniAtom>? target, List<MiniAtom> source)
    {
        if (target is null) return;
        if (target.Count + source.Count > MaxStaticValues * 16) { ValuesComplete = false; return; }
        target.AddRange(source);
    }
}
