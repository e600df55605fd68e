using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Checks;

/// <summary>
/// Top-level definitions that lanes use by name (grooves, L-systems, Markov chains): bound in file order, a name given
/// twice reported at the second (which is skipped), and a definition that failed its checks kept with no value, so a
/// lane that uses it is not reported again.
/// </summary>
internal static class NamedDefinitions
{
    public static IReadOnlyDictionary<string, T?> Bind<TSyntax, T>(IEnumerable<TSyntax> definitions, Func<TSyntax, NameSyntax> nameOf,
        Action<TSyntax, TSyntax> repeated, Func<TSyntax, T?> bind) where T : class
    {
        var bound = new Dictionary<string, T?>(StringComparer.Ordinal);
        var first = new Dictionary<string, TSyntax>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = nameOf(definition).Text;
            if (first.TryGetValue(name, out var earlier))
            {
                repeated(definition, earlier);
                continue;
            }
            first[name] = definition;
            bound[name] = bind(definition);
        }
        return bound;
    }
}
