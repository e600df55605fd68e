using System.Reflection;
using System.Xml.Linq;

namespace SeqLang.Architecture.Tests.Support;

/// <summary>
/// The pipeline as the architecture rules see it: each stage's assembly, its place in the order
/// (references may only point to an earlier place), the SeqLang assemblies it may reference, and the
/// namespace every public type of it must live under. A new project under src/ fails
/// <see cref="DependencyTests.Every_source_project_has_a_place_in_the_pipeline"/> until it is added here.
/// </summary>
public static class Pipeline
{
    public sealed record Stage(string Project, string Assembly, int Rank, string[] MayReference)
    {
        /// <summary>The namespace root of the stage's public types: the project name (the CLI's assembly is <c>seq</c>).</summary>
        public string NamespaceRoot => Project;
    }

    public const string Antlr = "Antlr4.Runtime.Standard";

    // Core ← Syntax, Core ← Patterns, (Core, Syntax, Patterns) ← Compiler ← Midi ← Cli, Midi ← Player ← Cli, Midi ← Roll ← Cli and Midi ← Audio ← Cli:
    // the player is the second back end, beside the renderer, and reuses its tick rounding and message types.
    public static readonly IReadOnlyList<Stage> Stages = new Stage[]
    {
        new("SeqLang.Core", "SeqLang.Core", 0, []),
        new("SeqLang.Syntax", "SeqLang.Syntax", 1, ["SeqLang.Core"]),
        new("SeqLang.Patterns", "SeqLang.Patterns", 1, ["SeqLang.Core"]),
        new("SeqLang.Compiler", "SeqLang.Compiler", 2, ["SeqLang.Core", "SeqLang.Syntax", "SeqLang.Patterns"]),
        // The renderer consumes the compiler's output, whose public types carry Core and Patterns types.
        new("SeqLang.Midi", "SeqLang.Midi", 3, ["SeqLang.Core", "SeqLang.Compiler", "SeqLang.Syntax", "SeqLang.Patterns"]),
        // The player (RtMidi, the clock thread) consumes the compiled piece like the renderer and orders messages as it does.
        new("SeqLang.Player", "SeqLang.Player", 4, ["SeqLang.Core", "SeqLang.Patterns", "SeqLang.Compiler", "SeqLang.Midi"]),
        // The piano roll (SPEC §16) draws what the renderer writes: it reads the renderer's file, never the player.
        new("SeqLang.Roll", "SeqLang.Roll", 4, ["SeqLang.Core", "SeqLang.Patterns", "SeqLang.Compiler", "SeqLang.Midi"]),
        // Audio (FluidSynth, SPEC §16) is the third back end: it plays the MIDI file the renderer writes, and knows no player.
        new("SeqLang.Audio", "SeqLang.Audio", 4, ["SeqLang.Core", "SeqLang.Patterns", "SeqLang.Compiler", "SeqLang.Midi"]),
        new("SeqLang.Cli", "seq", 5, ["SeqLang.Core", "SeqLang.Syntax", "SeqLang.Patterns", "SeqLang.Compiler", "SeqLang.Midi", "SeqLang.Player", "SeqLang.Roll", "SeqLang.Audio"]),
    };

    public static Stage ByAssembly(string assembly) => Stages.Single(s => s.Assembly == assembly);

    public static bool IsOurs(AssemblyName name) => name.Name is { } n && (n == "seq" || n.StartsWith("SeqLang.", StringComparison.Ordinal));

    public static Assembly Load(Stage stage) => Assembly.Load(new AssemblyName(stage.Assembly));

    public static IReadOnlyList<AssemblyName> References(Stage stage) => Load(stage).GetReferencedAssemblies();

    public static TheoryData<string> AssemblyNames()
    {
        var data = new TheoryData<string>();
        foreach (var stage in Stages) data.Add(stage.Assembly);
        return data;
    }

    /// <summary>The repository root (the folder holding SeqLang.sln), found from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeqLang.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no SeqLang.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>A project file under src/: the projects it references by name, and its package references.</summary>
    public sealed record ProjectFile(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences);

    public static IReadOnlyList<ProjectFile> SourceProjects()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Select(path =>
            {
                var xml = XDocument.Load(path);
                var items = xml.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference").ToList();
                var projects = items.Where(e => e.Name.LocalName == "ProjectReference")
                    .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))).ToList();
                var packages = items.Where(e => e.Name.LocalName == "PackageReference")
                    .Select(e => (string?)e.Attribute("Include") ?? "").ToList();
                return new ProjectFile(Path.GetFileNameWithoutExtension(path), projects, packages);
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }
}
