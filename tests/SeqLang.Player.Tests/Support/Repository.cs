using System.Runtime.CompilerServices;

namespace SeqLang.Player.Tests.Support;

/// <summary>Paths in the source tree, found from this file's own location at compile time.</summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Here(), "..", "..", ".."));

    public static string Examples => Path.Combine(Root, "examples");

    public static string Inputs => Path.Combine(Root, "benchmarks", "inputs");

    public static string TempFile(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "seq-player-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
