using System.Runtime.CompilerServices;

namespace SeqLang.Cli.Tests.Support;

/// <summary>Paths in the source tree, found from this file's own location at compile time.</summary>
public static class Repository
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!;
    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));
    public static string Examples => Path.Combine(Root, "examples");

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
