using SeqLang.Architecture.Tests.Support;

namespace SeqLang.Architecture.Tests;

/// <summary>
/// References point downstream only (Core ← Syntax, Patterns ← Compiler ← Midi ← Player, Roll ← Cli), checked on the
/// built assemblies' metadata, which records what the code really uses, and on the project files,
/// which record what a project could start using tomorrow.
/// </summary>
public sealed class DependencyTests
{
    public static TheoryData<string> Assemblies => Pipeline.AssemblyNames();

    [Fact]
    public void Core_references_no_other_SeqLang_assembly_and_no_Antlr()
    {
        var references = Pipeline.References(Pipeline.ByAssembly("SeqLang.Core")).Select(r => r.Name!).ToList();
        // Only the framework: anything else would make every stage depend on it.
        var foreign = references.Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib")).ToList();
        Assert.True(foreign.Count == 0, $"SeqLang.Core must reference only the framework, but references: {string.Join(", ", foreign)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Only_SeqLang_Syntax_references_Antlr(string assembly)
    {
        var referencesAntlr = Pipeline.References(Pipeline.ByAssembly(assembly)).Any(r => r.Name == Pipeline.Antlr);
        if (assembly == "SeqLang.Syntax")
            Assert.True(referencesAntlr, "SeqLang.Syntax should reference Antlr4.Runtime.Standard (is this test still looking at the right assembly?)");
        else
            Assert.False(referencesAntlr, $"{assembly} references {Pipeline.Antlr}: only SeqLang.Syntax may; use the AST (SeqLang.Syntax.Ast) instead of parse trees");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_only_the_stages_it_may(string assembly)
    {
        var stage = Pipeline.ByAssembly(assembly);
        var ours = Pipeline.References(stage).Where(Pipeline.IsOurs).Select(r => r.Name!).ToList();
        var forbidden = ours.Where(n => !stage.MayReference.Contains(n)).ToList();
        Assert.True(forbidden.Count == 0,
            $"{assembly} references {string.Join(", ", forbidden)}; it may reference only: {Show(stage.MayReference)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_point_downstream_only(string assembly)
    {
        var stage = Pipeline.ByAssembly(assembly);
        var upstream = Pipeline.References(stage).Where(Pipeline.IsOurs)
            .Select(r => Pipeline.ByAssembly(r.Name!))
            .Where(target => target.Rank >= stage.Rank)
            .Select(target => target.Assembly)
            .ToList();
        Assert.True(upstream.Count == 0, $"{assembly} references {string.Join(", ", upstream)}, which is not earlier in the pipeline");
    }

    [Fact]
    public void Only_the_CLI_references_the_player()
    {
        // The player owns threads, signals and a native library: no stage that the renderer or the
        // editor tooling loads may pull it in.
        var users = Pipeline.Stages.Where(s => s.Assembly != "SeqLang.Player")
            .Where(s => Pipeline.References(s).Any(r => r.Name == "SeqLang.Player"))
            .Select(s => s.Assembly)
            .ToList();
        Assert.Equal(["seq"], users);
    }

    [Fact]
    public void Only_the_CLI_references_the_roll_and_the_roll_not_the_player()
    {
        // The roll draws the renderer's file; a reference to the player would pull RtMidi and threads into a picture.
        var users = Pipeline.Stages.Where(s => s.Assembly != "SeqLang.Roll")
            .Where(s => Pipeline.References(s).Any(r => r.Name == "SeqLang.Roll"))
            .Select(s => s.Assembly)
            .ToList();
        Assert.Equal(["seq"], users);
        Assert.DoesNotContain(Pipeline.References(Pipeline.ByAssembly("SeqLang.Roll")), r => r.Name == "SeqLang.Player");
        Assert.Contains(Pipeline.References(Pipeline.ByAssembly("SeqLang.Roll")), r => r.Name == "SeqLang.Midi");
    }

    [Fact]
    public void Every_source_project_has_a_place_in_the_pipeline()
    {
        var projects = Pipeline.SourceProjects().Select(p => p.Name).ToList();
        var unplaced = projects.Where(p => Pipeline.Stages.All(s => s.Project != p)).ToList();
        Assert.True(unplaced.Count == 0, $"src/ has projects the architecture rules do not know: {string.Join(", ", unplaced)}; add them to Support/Pipeline.cs");
        var missing = Pipeline.Stages.Where(s => !projects.Contains(s.Project)).Select(s => s.Project).ToList();
        Assert.True(missing.Count == 0, $"the architecture rules name projects that src/ no longer has: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Project_files_reference_only_allowed_stages_and_only_Syntax_takes_Antlr()
    {
        var problems = new List<string>();
        foreach (var project in Pipeline.SourceProjects())
        {
            var stage = Pipeline.Stages.SingleOrDefault(s => s.Project == project.Name);
            if (stage is null) continue;
            var allowedProjects = stage.MayReference.Select(a => Pipeline.ByAssembly(a).Project).ToList();
            problems.AddRange(project.ProjectReferences.Where(r => !allowedProjects.Contains(r))
                .Select(r => $"{project.Name}.csproj references project {r}; allowed: {Show(allowedProjects)}"));
            if (project.Name != "SeqLang.Syntax" && project.PackageReferences.Any(p => p.StartsWith("Antlr4", StringComparison.Ordinal)))
                problems.Add($"{project.Name}.csproj takes an ANTLR package; only SeqLang.Syntax may");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Show(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "(nothing of ours)";
}
