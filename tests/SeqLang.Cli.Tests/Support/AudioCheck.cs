using System.Diagnostics;
using System.Text.Json;

namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// Runs <c>tests/tools/audio_check.py</c>, the independent reader of rendered and captured audio (numpy), and
/// returns its one JSON line; shared by the CLI's render tests and the player's synth tests.
/// </summary>
public static class AudioCheck
{
    public const string Python = "/usr/bin/python3";

    public static JsonElement Run(string repositoryRoot, params string[] args)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing; install python3-numpy and python3-mido with apt-get (scripts/install-test-deps.sh)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "tests", "tools", "audio_check.py"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // One JSON line out, a traceback at most on error: read one after the other.
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "audio_check.py did not finish");
        Assert.True(process.ExitCode == 0, $"audio_check.py {string.Join(' ', args)} failed (is python3-numpy installed? apt-get install python3-numpy): {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
