using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Mini;

/// <summary>A step and its operators, applied as Strudel's <c>applyOptions</c> applies them.</summary>
internal sealed partial class MiniPatternBuilder
{
    /// <summary>A range longer than this (<c>0 .. 99999999</c>) fails when queried instead of filling memory.</summary>
    private const int MaxRangeLength = 10_001;

    // krill: weight starts at 1; '@N' and '_N' add N-1 (N defaults to 2); '!N' adds N-1 repetitions
    // (N defaults to 2) and sets the weight to the repetitions. Every '!' moves the one replicate
    // operation to the end of the list, so "a!2*3" replicates then speeds up, and "a*3!2" the reverse.
    private Compiled Element(MiniElementSyntax element, List<MiniAtom>? values)
    {
        var local = values is null ? null : new List<MiniAtom>();
        var mayFailBefore = _mayFail;
        var pattern = Node(element.Slice, local).Pattern;
        Rational weight = 1, repetitions = 1;
        var ordered = new List<MiniOperatorSyntax>(element.Operators.Count);
        var replicateAt = -1;
        foreach (var op in element.Operators)
        {
            switch (op)
            {
                case MiniWeightSyntax w:
                    weight = weight + (w.Amount ?? 2) - 1;
                    break;
                case MiniReplicateSyntax r:
                    repetitions = repetitions + (r.Amount ?? 2) - 1;
                    weight = repetitions;
                    if (replicateAt >= 0) ordered.RemoveAt(replicateAt);
                    ordered.Add(r);
                    replicateAt = ordered.Count - 1;
                    break;
                default:
                    ordered.Add(op);
                    break;
            }
        }
        if (_depth + ordered.Count > MaxDepth) return TooDeep(element);
        _depth += ordered.Count;
        try
        {
            foreach (var op in ordered) pattern = Apply(op, pattern, repetitions, ref local, _mayFail > mayFailBefore);
        }
        finally
        {
            _depth -= ordered.Count;
        }
        if (local is not null) AddValues(values, local);
        // The raw weight: the sequence decides what 0 means (Strudel's `weight || 1`).
        return new Compiled(pattern, weight);
    }

    private Pattern<MiniAtom> Apply(MiniOperatorSyntax op, Pattern<MiniAtom> pattern, Rational repetitions, ref List<MiniAtom>? values, bool mayFail)
    {
        switch (op)
        {
            case MiniReplicateSyntax:
                // Strudel: pat._repeatCycles(n)._fast(n); fast(0) is silence.
                return repetitions.IsZero ? Pattern.Silence<MiniAtom>() : pattern.RepeatCycles(repetitions).Fast(repetitions);
            case MiniStretchSyntax stretch:
                return Stretch(stretch, pattern);
            case MiniEuclidSyntax euclid:
                return Euclid(euclid, pattern, mayFail);
            case MiniDegradeSyntax degrade:
                // Strudel: _degradeByWith(rand, amount ?? 0.5): keep where the random number is above the amount.
                return pattern.DegradeBy(degrade.Amount ?? 0.5, _stream, Salt(SaltKind.Degrade, degrade.Span));
            case MiniTailSyntax tail:
                return Tail(tail, pattern, ref values);
            case MiniRangeSyntax range:
                return Range(range, pattern, ref values);
            default:
                throw new InvalidOperationException("unexpected mini-notation operator: " + op.GetType().Name);
        }
    }

    // Strudel: reify(pat).fast(amount) / .slow(amount). A plain atom is passed on as a value, converted
    // while the pattern is built (a word there is refused); anything else is a pattern of amounts
    // (innerJoin: the pattern is not restarted when the amount changes).
    private Pattern<MiniAtom> Stretch(MiniStretchSyntax stretch, Pattern<MiniAtom> pattern)
    {
        var what = stretch.IsFast ? "'*'" : "'/'";
        if (PlainAtom(stretch.Amount) is { } atom)
        {
            if (atom.ExactNumber is not { } constant)
            {
                Error(Codes.MiniNotANumber, atom.Span, atom.Text, what);
                return pattern;
            }
            return stretch.IsFast ? pattern.Fast(constant) : pattern.Slow(constant);
        }
        var amounts = Numbers(stretch.Amount, what);
        return stretch.IsFast ? pattern.Fast(amounts) : pattern.Slow(amounts);
    }

    // Strudel: pat.euclid(p, s) or pat.euclidRot(p, s, r). The arguments are entered as slices: operators
    // written on them are ignored, as in Strudel. When all are plain atoms the rhythm is built at once and
    // impossible ones refused; otherwise the arguments are patterns combined with appLeft, and an
    // impossible rhythm makes the query fail (no events), as Strudel's does.
    private Pattern<MiniAtom> Euclid(MiniEuclidSyntax euclid, Pattern<MiniAtom> pattern, bool mayFail)
    {
        var p = PlainAtom(euclid.Pulses.Slice);
        var s = PlainAtom(euclid.Steps.Slice);
        var r = euclid.Rotation is null ? null : PlainAtom(euclid.Rotation.Slice);
        if (p is not null && s is not null && (euclid.Rotation is null || r is not null))
        {
            if (p.ExactNumber is not { } pulses || s.ExactNumber is not { } steps
                || !pulses.IsInteger || !steps.IsInteger || pulses.Abs() > steps)
            {
                Error(Codes.MiniBadEuclid, euclid.Span, p.Text, s.Text);
                return pattern;
            }
            return pattern.Euclid(pulses, steps, r is null ? Rational.Zero : Rotation(r), mayFail);
        }
        var pairs = Pattern.AppLeft(Numbers(euclid.Pulses.Slice, "euclid"), Numbers(euclid.Steps.Slice, "euclid"),
            static (a, b) => (a, b));
        var triples = euclid.Rotation is null
            ? pairs.Select(static t => (t.a, t.b, Rational.Zero))
            : Pattern.AppLeft(pairs, Node(euclid.Rotation.Slice, null).Pattern, static (t, c) => (t.a, t.b, Rotation(c)));
        _mayFail++;
        return Pattern.Patterned(triples, t => pattern.Euclid(t.Item1, t.Item2, t.Item3, mayFail));
    }

    // Strudel rotates with arr.slice(-r): a word (NaN) or 0 leaves the rhythm alone.
    private static Rational Rotation(MiniAtom atom) => atom.ExactNumber ?? Rational.Zero;

    // Strudel: pat.fmap(a => b => Array.isArray(a) ? [...a, b] : [a, b]).appLeft(friend).
    private Pattern<MiniAtom> Tail(MiniTailSyntax tail, Pattern<MiniAtom> pattern, ref List<MiniAtom>? values)
    {
        var friendValues = values is null ? null : new List<MiniAtom>();
        var friend = Node(tail.Element, friendValues).Pattern;
        var lists = new Memo<(MiniAtom, MiniAtom), MiniAtom>(static k => MiniAtom.List(k.Item1, k.Item2));
        if (values is not null && friendValues is not null)
        {
            var combined = new List<MiniAtom>();
            if ((long)values.Count * friendValues.Count <= MaxStaticValues)
            {
                foreach (var a in values)
                    foreach (var b in friendValues)
                        combined.Add(lists.Get((a, b)));
            }
            else
            {
                ValuesComplete = false;
            }
            values = combined;
        }
        return Pattern.AppLeft(pattern, friend, (a, b) => lists.Get((a, b)));
    }

    // Strudel: pat.squeezeBind(a => friend.bind(b => fastcat(...arrayRange(a, b)))).
    private Pattern<MiniAtom> Range(MiniRangeSyntax range, Pattern<MiniAtom> pattern, ref List<MiniAtom>? values)
    {
        var friend = Node(range.End, null).Pattern;
        _mayFail++;
        var ranges = new Memo<(MiniAtom, MiniAtom), Pattern<MiniAtom>>(RangeOf);
        if (values is not null)
        {
            // The numbers a range makes are only known while querying; the lane reads them then.
            ValuesComplete = false;
            values = new List<MiniAtom>();
        }
        var bound = new Memo<MiniAtom, Pattern<MiniAtom>>(a => Pattern.Join(friend.Select(b => ranges.Get((a, b)))));
        return Pattern.SqueezeJoin(pattern.Select(bound.Get));
    }

    // arrayRange(a, b): |b - a| + 1 numbers (the length truncated), counting up or down from a.
    private static Pattern<MiniAtom> RangeOf((MiniAtom From, MiniAtom To) key)
    {
        if (key.From.Number is not { } start || key.To.Number is not { } stop) return Pattern.Silence<MiniAtom>();
        var length = Math.Floor(Math.Abs(stop - start) + 1);
        if (double.IsNaN(length) || length < 1) return Pattern.Silence<MiniAtom>();
        if (length > MaxRangeLength) return Pattern.Failing<MiniAtom>($"the range {key.From.Text} .. {key.To.Text} is too long");
        var steps = new Pattern<MiniAtom>[(int)length];
        for (var i = 0; i < steps.Length; i++)
        {
            var value = start < stop ? start + i : start - i;
            steps[i] = Pattern.Pure(new MiniAtom(JsNumber.Format(value), key.From.Span.Union(key.To.Span)));
        }
        return Pattern.FastCat(steps);
    }
}
