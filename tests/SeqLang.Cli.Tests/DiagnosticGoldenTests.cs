using System.Text.RegularExpressions;
using SeqLang.Cli.Tests.Support;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Cli.Tests;

/// <summary>
/// Bad input, one file per mistake, in Diagnostics/: the exact text `seq` prints (FILE:LINE:COL, the
/// source line, the carets) is the golden file beside it. A first line <c>// seq: render --bars 2</c>
/// runs that command instead of <c>check</c>. Every error code in the catalogue must have a case.
/// </summary>
public class DiagnosticGoldenTests
{
    private static string Folder => Path.Combine(Repository.TestProject, "Diagnostics");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(Folder, "*.seq").OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrintsTheExpectedDiagnostics(string name)
    {
        var actual = Run(name);
        Snapshot.Match($"diagnostics/{Path.GetFileNameWithoutExtension(name)}.txt", actual);
    }

    [Fact]
    public void EveryErrorCodeHasAGoldenCase()
    {
        var covered = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.TestProject, "Snapshots", "diagnostics"), "*.txt"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\[(SEQ\d{4})\]")) covered.Add(m.Groups[1].Value);
        var missing = Codes.All.Where(d => d.Severity == Severity.Error && !covered.Contains(d.Code)).Select(d => d.Code).ToList();
        Assert.True(missing.Count == 0, "error codes with no golden case in tests/SeqLang.Cli.Tests/Diagnostics: " + string.Join(", ", missing));
    }

    private static string Run(string name)
    {
        var path = Path.Combine(Folder, name);
        var firstLine = File.ReadLines(path).FirstOrDefault() ?? "";
        var command = firstLine.StartsWith("// seq: ", StringComparison.Ordinal)
            ? firstLine["// seq: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : new[] { "check" };
        var folder = SeqRun.TempDirectory();
        var args = command.Take(1).Append(path).Concat(command.Skip(1));
        if (command[0] == "render") args = args.Append("-o").Append(Path.Combine(folder, "out.mid"));
        // Paths differ between machines: print them relative to the test project.
        var result = SeqRun.Run(args.ToArray());
        var error = result.Error.Replace(Repository.TestProject + Path.DirectorySeparatorChar, "");
        return $"exit {result.ExitCode}\n{error}";
    }
}
