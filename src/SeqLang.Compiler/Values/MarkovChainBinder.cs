using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Values;

/// <summary>
/// Checks the file's <c>markov NAME { ... }</c> chains (SPEC §15): every state reached has a way out, weights are
/// positive, a state's ways out are written once. A failed chain is kept with no value, so its uses are not reported again.
/// </summary>
internal sealed class MarkovChainBinder
{
    private readonly BindContext _context;

    public MarkovChainBinder(BindContext context) => _context = context;

    public IReadOnlyDictionary<string, MarkovChain?> Bind(IEnumerable<MarkovSyntax> definitions) =>
        NamedDefinitions.Bind<MarkovSyntax, MarkovChain>(definitions, d => d.Name,
            (again, first) => _context.Report(Codes.BadGenerator, again.Name.Span, "markov " + again.Name.Text, $"already defined on line {_context.LineOf(first.Span)}"),
            Bind);

    private MarkovChain? Bind(MarkovSyntax definition)
    {
        var what = "markov " + definition.Name.Text;
        if (definition.Rules.Count == 0)
        {
            _context.Report(Codes.BadGenerator, definition.Name.Span, what, "it has no transitions: write STATE -> STATE, such as c2 -> eb2 2 | g2");
            return null;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new List<(string, SourceSpan)>();
        int Of(MarkovStateSyntax s)
        {
            if (index.TryGetValue(s.Text, out var i)) return i;
            index[s.Text] = states.Count;
            states.Add((s.Text, s.Span));
            return states.Count - 1;
        }
        var ways = new Dictionary<int, (int, Rational)[]>();
        var ok = true;
        foreach (var rule in definition.Rules)
        {
            var from = Of(rule.From);
            if (ways.ContainsKey(from))
            {
                _context.Report(Codes.BadGenerator, rule.From.Span, what, $"'{rule.From.Text}' has its ways out written twice: join them with |");
                ok = false;
                continue;
            }
            var list = new List<(int, Rational)>();
            foreach (var choice in rule.To)
            {
                var weight = Rational.One;
                if (choice.Weight is { } w)
                {
                    if (w.Value is { } v && v.Sign > 0 && v <= 1000) weight = v;
                    else
                    {
                        _context.Report(Codes.BadGenerator, w.Span, what, $"weight {w.Text}: use more than 0, at most 1000");
                        ok = false;
                    }
                }
                list.Add((Of(choice.State), weight));
            }
            ways[from] = list.ToArray();
        }
        for (var i = 0; i < states.Count && ok; i++)
        {
            if (ways.ContainsKey(i)) continue;
            _context.Report(Codes.BadGenerator, states[i].Item2, what, $"the chain can reach '{states[i].Item1}' but has no way out of it: write {states[i].Item1} -> ...");
            ok = false;
        }
        if (!ok) return null;
        return new MarkovChain(definition.Name.Text, states.ToArray(), Enumerable.Range(0, states.Count).Select(i => ways[i]).ToArray());
    }
}
