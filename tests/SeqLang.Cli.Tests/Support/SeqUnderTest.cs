using System.Diagnostics;

namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// Which <c>seq</c> the tests run. scripts/test.sh publishes the native program and names it in
/// <c>SEQ_NATIVE</c>; it then runs the CLI and player suites twice, the second time with
/// <c>SEQ_TEST_RUNS=native</c>, so that every command those suites run goes through the program that ships.
/// </summary>
public static class SeqUnderTest
{
    public const string NativeVariable = "SEQ_NATIVE";
    public const string RunsVariable = "SEQ_TEST_RUNS";

    /// <summary>True on the native pass: commands run the native program instead of the in-process command tree.</summary>
    public static bool RunsNative => Environment.GetEnvironmentVariable(RunsVariable) switch
    {
        null or "" or "in-process" => false,
        "native" => true,
        var other => throw new InvalidOperationException($"{RunsVariable}={other}: expected 'native' or 'in-process'"),
    };

    /// <summary>The native program; a test that needs it fails, with what to do, when it is not there.</summary>
    public static string Native
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(NativeVariable);
            if (string.IsNullOrEmpty(path))
                throw new InvalidOperationException(
                    $"{NativeVariable} is not set: publish the native seq (dotnet publish src/SeqLang.Cli -c Release -r linux-x64 -o artifacts/native) " +
                    $"and run with {NativeVariable}=artifacts/native/seq, as scripts/test.sh does");
            path = Path.GetFullPath(path);
            if (!File.Exists(path)) throw new FileNotFoundException($"{NativeVariable} names {path}, which does not exist");
            return path;
        }
    }

    /// <summary>seq.dll as built beside the test assembly, run by <c>dotnet</c> (the framework-dependent build).</summary>
    public static string Dll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seq.dll");
        if (!File.Exists(path) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "seq.runtimeconfig.json")))
            throw new FileNotFoundException($"seq.dll with its runtimeconfig is not in {AppContext.BaseDirectory}; build the solution first");
        return path;
    }

    /// <summary>A process start for <c>seq ARGS</c>: the native program on the native pass (or when asked), else <c>dotnet seq.dll</c>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, bool native)
    {
        var start = native ? new ProcessStartInfo(Native) : new ProcessStartInfo("dotnet") { ArgumentList = { Dll() } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }
}
