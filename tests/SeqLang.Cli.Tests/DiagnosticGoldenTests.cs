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
        Directory.GetFiles(Folder).Where(p => p.EndsWith(".seq", StringComparison.Ordinal) || p.EndsWith(".mini", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrintsTheExpectedDiagnostics(string name)
    {
        var actual = Run(name);
        Snapshot.Match($"diagnostics/{Path.GetFileNameWithoutExtension(name)}.txt", actual);
    }

    /// <summary>
    /// Codes no small input file reaches in a test's time, each with the reason. Keep this list short:
    /// a code that nothing can reach is dead and should go.
    /// </summary>
    private static readonly Dictionary<string, string> Unreachable = new()
    {
        ["SEQ0402"] = "the mini parser always knows what it expected; kept for ANTLR errors with no expected set",
        ["SEQ0413"] = "the work budget is a backstop: every input found so far that exhausts it first has too many events (SEQ0412)",
        ["SEQ0702"] = "as SEQ0413, for a lane in a file (SEQ0701 comes first)",
        ["SEQ0703"] = "a lane's times overflowing 64-bit fractions: lane modifiers are range-checked first",
        ["SEQ0704"] = "needs a render of over 10,000,000 events: seconds of work and hundreds of MB",
        ["SEQ0705"] = "combinators reject bad arguments at compile time; kept for patterned arguments",
    };

    [Fact]
    public void EveryErrorCodeHasAGoldenCase()
    {
        var covered = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.TestProject, "Snapshots", "diagnostics"), "*.txt"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\[(SEQ\d{4})\]")) covered.Add(m.Groups[1].Value);
        var missing = Codes.All.Where(d => d.Severity == Severity.Error && !covered.Contains(d.Code) && !Unreachable.ContainsKey(d.Code)).Select(d => d.Code).ToList();
        Assert.DoesNotContain(Unreachable.Keys, covered.Contains);
        Assert.True(missing.Count == 0, "error codes with no golden case in tests/SeqLang.Cli.Tests/Diagnostics: " + string.Join(", ", missing));
    }

    private static string Run(string name)
    {
        var path = Path.Combine(Folder, name);
        if (name.EndsWith(".mini", StringComparison.Ordinal))
        {
            // A .mini case is one mini-notation string, run as `seq events --mini STRING --json`.
            var mini = SeqRun.Run("events", "--mini", File.ReadAllText(path).TrimEnd('\n'), "--json");
            return $"exit {mini.ExitCode}\n{mini.Error}";
        }
        var firstLine = File.ReadLines(path).FirstOrDefault() ?? "";
        var command = firstLine.StartsWith("// seq: ", StringComparison.Ordinal)
            ? firstLine["// seq: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : new[] { "check" };
        var folder = SeqRun.TempDirectory();
        var args = command.Take(1).Append(path).Concat(command.Skip(1));
        if (command[0] == "render") args = args.Append("-o").Append(Path.Combine(folder, "out.mid"));
        // Paths differ between machines: print them relative to the test project.
        var result = SeqRun.Run(args.ToArray());
        var error = result.Error.Replace(Repository.TestProject + Path.DirectorySeparatorChar, "").Replace(folder + Path.DirectorySeparatorChar, "");
        return $"exit {result.ExitCode}\n{error}";
    }
}
