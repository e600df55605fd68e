namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// Golden files: the expected output lives beside the tests in Snapshots/. A missing or different
/// snapshot fails with the diff's first line and how to accept the new output
/// (<c>SEQ_ACCEPT_SNAPSHOTS=1 dotnet test</c>), which writes it for review in git.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "SEQ_ACCEPT_SNAPSHOTS";

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Repository.TestProject, "Snapshots", name);
        actual = actual.Replace("\r\n", "\n");
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        if (!File.Exists(path))
        {
            if (accept) { Write(path, actual); return; }
            Assert.Fail($"No snapshot {path}. Run with {AcceptVariable}=1 to write it from the current output, then review it in git.");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        if (accept) { Write(path, actual); return; }
        Assert.Fail($"Snapshot {name} differs at {FirstDifference(expected, actual)}. Run with {AcceptVariable}=1 to accept the new output.\n--- expected\n{expected}\n--- actual\n{actual}");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y) return $"line {i + 1}: expected '{x}', got '{y}'";
        }
        return "line endings";
    }
}
