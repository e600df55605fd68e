using System.Diagnostics;
using SeqLang.Cli.Output;

namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// Runs the real `seq` command tree, capturing what it prints: in-process, or on the native pass
/// (<see cref="SeqUnderTest.RunsNative"/>) as the native program.
/// </summary>
public static class SeqRun
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => SeqUnderTest.RunsNative ? Native(args) : InProcess(args);

    public static Result InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The native program as a child process, with no input.</summary>
    public static Result Native(params string[] args)
    {
        var start = SeqUnderTest.StartInfo(args, native: true);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("seq did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"seq {string.Join(' ', args)} did not exit within 2 minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "seq-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
