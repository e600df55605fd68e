using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Music;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Values;

internal sealed partial class ValueBinder
{
    private static readonly string[] MelodyOptions = { "range", "nir", "chord" };
    // Default range c3..c5 (SPEC §15); nir and chord are read to the thousandth, and at most 10 keeps every weight's
    // product within Int128 with room to spare.
    private const int MelodyLow = 48;
    private const int MelodyHigh = 72;
    private const int MaxMelodyFactor = 10;

    private readonly Piece.MusicalKey _key;

    /// <summary><c>melody [range A..B] [nir F] [chord F]</c>: only for <c>n</c>, whose notes it gives; each option once.</summary>
    private ValueExpression? Melody(SignalSyntax s, string what)
    {
        var ok = true;
        if (what != "n")
        {
            _context.Report(Codes.BadGenerator, s.Span, "melody", $"it gives notes: use it with n (n melody), not with {what}");
            ok = false;
        }
        void Refuse(Core.Text.SourceSpan span, string thing)
        {
            _context.Report(Codes.SignalOptionNotFor, span, "melody", thing);
            ok = false;
        }
        if (s.Argument is { } argument) Refuse(argument.Span, "a number here (its options are range A..B, nir F and chord F)");
        if (s.Range is { } numbers) Refuse(numbers.Span, $"a bare range (write range {numbers.From.Text}..{numbers.To.Text})");
        if (s.Over is { } over) Refuse(over.Span, "a period (it has none)");
        if (s.Phase is { } phase) Refuse(phase.Span, "a phase (only sine, cosine, saw, isaw, tri and square do)");
        if (s.Ease is { } ease) Refuse(ease.Span, "ease (only ramp is eased)");
        if (s.Step is { } step) Refuse(step.Span, "a step (only walk moves by steps)");
        if (s.Loop is { } loop) Refuse(loop.Span, "a string");

        var (low, high) = (MelodyLow, MelodyHigh);
        var (nir, chord) = (500, 300);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in s.NamedOptions)
        {
            var word = option.Word.Text;
            if (!MelodyOptions.Contains(word))
            {
                _context.Report(Codes.BadGenerator, option.Word.Span, "melody", $"unknown option '{word}': its options are range A..B, nir F and chord F{Suggestions.DidYouMean(word, MelodyOptions)}");
                ok = false;
                continue;
            }
            if (!seen.Add(word))
            {
                _context.Report(Codes.BadGenerator, option.Span, "melody", $"'{word}' is given twice");
                ok = false;
                continue;
            }
            if (word == "range")
            {
                if (option.Range is not { } range)
                {
                    _context.Report(Codes.BadGenerator, option.Span, "melody", "range takes two notes, e.g. range c3..c5 (or range 48..72)");
                    ok = false;
                }
                else if (Pitch(range.Low) is { } a && Pitch(range.High) is { } b)
                {
                    if (a > b)
                    {
                        _context.Report(Codes.BadGenerator, range.Span, "melody", $"the range {range.Low.Text}..{range.High.Text} is empty: write the low note first");
                        ok = false;
                    }
                    else (low, high) = (a, b);
                }
                else ok = false;
                continue;
            }
            if (Factor(option, word) is { } value)
            {
                if (word == "nir") nir = value;
                else chord = value;
            }
            else ok = false;
        }
        if (!ok) return null;
        var rule = MelodyRule.For(low, high, _key.Tonic, _key.Steps, nir, chord);
        if (rule.Candidates.Length == 0)
        {
            var where = s.NamedOptions.FirstOrDefault(o => o.Word.Text == "range")?.Span ?? s.Span;
            _context.Report(Codes.BadGenerator, where, "melody", $"no note of {_key} lies in the range: widen it");
            return null;
        }
        return new MelodyGenerator(rule, SaltSpace | (_saltBase << 16) | ++_places);
    }

    /// <summary>A range end: a note name (c3, eb4, cs4) or a MIDI note number 0..127; null after reporting.</summary>
    private int? Pitch(NameSyntax end)
    {
        var text = end.Text;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= 127) return number;
        if (NoteName.TryParse(text, out var midi) == NoteName.Result.Ok && midi is >= 0 and <= 127) return midi;
        _context.Report(Codes.BadGenerator, end.Span, "melody", $"range end '{text}' is not a note: use a note name c-1 to g9 (c3, eb4, cs4) or a MIDI note number 0 to 127");
        return null;
    }

    /// <summary><c>nir F</c> or <c>chord F</c>: 0 to 10, in thousandths (rounded half up); null after reporting.</summary>
    private int? Factor(NamedOptionSyntax option, string word)
    {
        if (option.Number is not { Value: { } value } number)
        {
            _context.Report(Codes.BadGenerator, option.Span, "melody", $"{word} takes a number 0 to {MaxMelodyFactor}, e.g. {word} {(word == "nir" ? "0.5" : "0.3")}");
            return null;
        }
        if (value.Sign < 0 || value > MaxMelodyFactor)
        {
            _context.Report(Codes.BadGenerator, number.Span, "melody", $"{word} {number.Text} is out of range: use 0 to {MaxMelodyFactor}");
            return null;
        }
        return (int)(value * 1000 + new Rational(1, 2)).Floor();
    }
}
