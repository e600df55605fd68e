using System.Diagnostics;

namespace SeqLang.Player.Tests.Support;

/// <summary>Finding and running the command-line tools the tests use.</summary>
public static class Tools
{
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>Runs a tool to completion (10 s at most); returns its exit code and stdout+stderr.</summary>
    public static (int ExitCode, string Output) Run(string tool, IEnumerable<string> args, Action<ProcessStartInfo>? configure = null)
    {
        var start = new ProcessStartInfo(Find(tool) ?? tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        configure?.Invoke(start);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            return (-1, "timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
