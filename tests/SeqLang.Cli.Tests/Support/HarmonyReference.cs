using System.Diagnostics;
using System.Globalization;

namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// tests/tools/harmony_reference.py: docs/harmony.md's progressions (style tables, spelling, the seeded walk with
/// gravity and damping) implemented again in Python from the page alone. The golden chords of the CLI tests are
/// compared with it, so they are not merely what the compiler printed the day they were accepted.
/// Needs only the standard library of the system Python; a missing Python fails the test, never skips it.
/// </summary>
public static class HarmonyReference
{
    public sealed record Case(string Style, string Tonic, string Mode, long Seed, string Gravity, int Every, int Bars)
    {
        public string Line => string.Create(CultureInfo.InvariantCulture, $"{Style} {Tonic} {Mode} {Seed} {Gravity} {Every} {Bars}");
    }

    private static readonly string Script = Path.Combine(Repository.Root, "tests", "tools", "harmony_reference.py");

    /// <summary>The chord names of bars 0..Bars-1 of each case, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Progressions(IReadOnlyList<Case> cases)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) throw new InvalidOperationException($"{python} not found: the harmony reference needs Debian's python3.");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var c in cases) process.StandardInput.WriteLine(c.Line);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("harmony_reference.py took longer than 60 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"harmony_reference.py exited {process.ExitCode}: {stderr.Result}");
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, lines.Length);
        return lines.Select(l => (IReadOnlyList<string>)l.Split(' ')).ToList();
    }
}
