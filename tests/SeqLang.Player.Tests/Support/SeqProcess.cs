using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using SeqLang.Cli.Tests.Support;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// The real <c>seq</c> as a child process reaching the tests' JACK server, for what only a process can show:
/// exit codes with a missing library, and Ctrl-C (SIGINT) mid-chord. It is <c>dotnet seq.dll</c>, or on the
/// native pass (<see cref="SeqUnderTest.RunsNative"/>) the native program.
/// </summary>
public sealed partial class SeqProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private SeqProcess(Process process)
    {
        _process = process;
    }

    public sealed record Result(int ExitCode, string Out, string Error);

    public int Id => _process.Id;

    /// <param name="jit">Always the framework-dependent build, for what only it does (compiling at run time).</param>
    public static SeqProcess Start(JackServer jack, IEnumerable<string> args, Dictionary<string, string>? environment = null, bool jit = false)
    {
        var start = SeqUnderTest.StartInfo(args, native: SeqUnderTest.RunsNative && !jit);
        jack.Configure(start);
        foreach (var (k, v) in environment ?? []) start.Environment[k] = v;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var seq = new SeqProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (seq._out) seq._out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (seq._error) seq._error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return seq;
    }

    public string ErrorSoFar
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public void Interrupt()
    {
        if (kill(_process.Id, 2) != 0) throw new InvalidOperationException($"kill(SIGINT) failed: {Marshal.GetLastPInvokeError()}");
    }

    public Result WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            _process.WaitForExit();
            throw new TimeoutException($"seq did not exit within {timeout.TotalSeconds} s; stderr so far:\n{ErrorSoFar}");
        }
        _process.WaitForExit(); // drains the redirected streams
        lock (_out) lock (_error) return new Result(_process.ExitCode, _out.ToString(), _error.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
