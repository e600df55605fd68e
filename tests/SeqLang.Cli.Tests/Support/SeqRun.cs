using SeqLang.Cli.Output;

namespace SeqLang.Cli.Tests.Support;

/// <summary>Runs the real `seq` command tree in-process, capturing what it prints.</summary>
public static class SeqRun
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "seq-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
