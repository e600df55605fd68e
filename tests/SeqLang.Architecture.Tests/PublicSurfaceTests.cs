using SeqLang.Architecture.Tests.Support;

namespace SeqLang.Architecture.Tests;

/// <summary>What each assembly shows the others: types under its own namespace, and no parse-tree types.</summary>
public sealed class PublicSurfaceTests
{
    public static TheoryData<string> Assemblies => Pipeline.AssemblyNames();

    [Fact]
    public void SeqLang_Syntax_exposes_no_parse_tree_Context_types()
    {
        // The generated parser is internal (grammar/regen.sh rewrites 'public' to 'internal'); a public
        // *Context type would let other stages walk ANTLR trees instead of the AST.
        var contexts = Pipeline.Load(Pipeline.ByAssembly("SeqLang.Syntax")).GetExportedTypes()
            .Where(t => t.Name.EndsWith("Context", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(contexts.Count == 0, $"public *Context types in SeqLang.Syntax: {string.Join(", ", contexts)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_public_type_lives_under_its_assembly_namespace(string assembly)
    {
        var stage = Pipeline.ByAssembly(assembly);
        var root = stage.NamespaceRoot;
        var types = Pipeline.Load(stage).GetExportedTypes();
        Assert.NotEmpty(types);
        var strays = types
            .Where(t => t.Namespace is not { } ns || !(ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
            .Select(t => $"{t.FullName} (namespace {t.Namespace ?? "(global)"})")
            .ToList();
        Assert.True(strays.Count == 0, $"public types of {assembly} outside {root}: {string.Join(", ", strays)}");
    }
}
