using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Generators;

/// <summary>Checks the file's <c>lsystem NAME { ... }</c> definitions (SPEC §15). A failed one is kept with no value, so its uses are not reported again.</summary>
internal sealed class LsystemBinder
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;

    public LsystemBinder(BindContext context, PieceSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    public IReadOnlyDictionary<string, Lsystem?> Bind(IEnumerable<LsystemSyntax> definitions) =>
        NamedDefinitions.Bind<LsystemSyntax, Lsystem>(definitions, d => d.Name,
            (again, first) => _context.Report(Codes.BadGenerator, again.Name.Span, "lsystem " + again.Name.Text, $"already defined on line {_context.LineOf(first.Span)}"),
            Bind);

    private Lsystem? Bind(LsystemSyntax definition)
    {
        var what = "lsystem " + definition.Name.Text;
        var ok = true;
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        (string, SourceSpan)[]? axiom = null;
        foreach (var a in definition.Axioms)
        {
            if (a.Word.Text != "axiom")
            {
                _context.Report(Codes.BadGenerator, a.Word.Span, what, $"'{a.Word.Text}' is not part of an L-system{Suggestions.DidYouMean(a.Word.Text, new[] { "axiom" })}: write axiom \"...\" and rules ATOM -> \"...\"");
                ok = false;
            }
            else if (axiom is not null)
            {
                _context.Report(Codes.BadGenerator, a.Word.Span, what, "the axiom is given twice");
                ok = false;
            }
            else if ((axiom = Atoms(a.Text, spans)).Length == 0)
            {
                _context.Report(Codes.BadGenerator, a.Text.Span, what, "the axiom has no atoms");
                ok = false;
            }
        }
        if (axiom is null && ok)
        {
            _context.Report(Codes.BadGenerator, definition.Name.Span, what, "it has no axiom: write axiom \"...\"");
            ok = false;
        }
        var rules = new Dictionary<string, (string[], Rational)[]>(StringComparer.Ordinal);
        foreach (var rule in definition.Rules)
        {
            if (rules.ContainsKey(rule.Atom))
            {
                _context.Report(Codes.BadGenerator, rule.AtomSpan, what, $"'{rule.Atom}' has two rules: give one rule its alternatives with |");
                ok = false;
                continue;
            }
            spans.TryAdd(rule.Atom, rule.AtomSpan);
            var choices = new List<(string[], Rational)>();
            foreach (var choice in rule.Choices)
            {
                var atoms = Atoms(choice.Text, spans).Select(a => a.Text).ToArray();
                var weight = Rational.One;
                if (choice.Weight is { } w)
                {
                    if (w.Value is { } value && value.Sign > 0 && value <= 1000) weight = value;
                    else
                    {
                        _context.Report(Codes.BadGenerator, w.Span, what, $"weight {w.Text}: use more than 0, at most 1000");
                        ok = false;
                    }
                }
                choices.Add((atoms, weight));
            }
            rules[rule.Atom] = choices.ToArray();
        }
        return ok ? new Lsystem(definition.Name.Text, axiom!, rules, spans, _settings.Seed) : null;
    }

    /// <summary>A word's atoms: the string's words, each with its place in the file.</summary>
    private static (string Text, SourceSpan Span)[] Atoms(StringSyntax text, Dictionary<string, SourceSpan> spans)
    {
        var atoms = new List<(string, SourceSpan)>();
        var content = text.Content;
        var i = 0;
        while (i < content.Length)
        {
            while (i < content.Length && char.IsWhiteSpace(content[i])) i++;
            var start = i;
            while (i < content.Length && !char.IsWhiteSpace(content[i])) i++;
            if (i == start) break;
            var span = new SourceSpan(text.ContentStart + start, i - start);
            var atom = content[start..i];
            spans.TryAdd(atom, span);
            atoms.Add((atom, span));
        }
        return atoms.ToArray();
    }
}
