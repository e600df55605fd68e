using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// A private JACK server for the tests: <c>jackd --realtime --realtime-priority 70 --sync -d dummy -r 48000 -p 256</c>
/// under the name <c>seqlang-test-PID</c>. <c>--sync</c> makes the server wait for its clients each period: in
/// JACK2's default asynchronous mode a client that is late on a busy machine has that period's output dropped,
/// and the tests saw single note-offs go missing now and then. Real-time scheduling, as JACK runs for musicians
/// (its clients' process threads too, above the player's clock thread at 60): without it, under
/// <c>stress --cpu 2</c>, the server's periods came hundreds of milliseconds late and RtMidi's close waited a
/// second for each (the tests run as root, here and in CI, which may schedule so). 256 frames (5.3 ms) a period: a
/// 64-frame period without real-time scheduling had dozens of xruns a run on this 2-core machine under load,
/// and an xrun loses the MIDI in transit. Its own name keeps it from meeting a user's
/// server or another test run. The name is put in
/// <c>JACK_DEFAULT_SERVER</c> for this process (in the C library's environment too, which libjack reads and
/// .NET does not write) and for every child process the tests start. Stopped by its process id on dispose.
/// When jackd is missing, constructing this fails every test that needs it with what to install: a test
/// that cannot run must not pass. <see cref="StartSecond"/> starts another one, reached only by the child
/// processes it configures, for a test that stops its server.
/// </summary>
public sealed partial class JackServer : IDisposable
{
    public const int SampleRate = 48000;
    public const int PeriodFrames = 256;
    public const string InstallHint = "install JACK and its tools: sudo apt-get install jackd2 jack-tools librtmidi6 (or run scripts/install-test-deps.sh as root)";

    private readonly Process _jackd;

    public JackServer() : this($"seqlang-test-{Environment.ProcessId}", isDefault: true)
    {
    }

    private JackServer(string name, bool isDefault)
    {
        Name = name;
        if (Tools.Find("jackd") is not { } jackd) throw new InvalidOperationException($"jackd is not installed; {InstallHint}");
        foreach (var tool in new[] { "jack_lsp", "jack_connect" })
        {
            if (Tools.Find(tool) is null) throw new InvalidOperationException($"{tool} is not installed; {InstallHint}");
        }
        if (isDefault)
        {
            Environment.SetEnvironmentVariable("JACK_DEFAULT_SERVER", Name);
            if (setenv("JACK_DEFAULT_SERVER", Name, 1) != 0) throw new InvalidOperationException("setenv(JACK_DEFAULT_SERVER) failed");
        }
        // No JACK client may start a server of its own: a missing server must be an error, not a surprise jackd.
        setenv("JACK_NO_START_SERVER", "1", 1);
        Environment.SetEnvironmentVariable("JACK_NO_START_SERVER", "1");

        var start = new ProcessStartInfo(jackd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-n", Name, "--realtime", "--realtime-priority", "70", "--sync", "-d", "dummy", "-r", SampleRate.ToString(), "-p", PeriodFrames.ToString() }) start.ArgumentList.Add(arg);
        start.Environment["JACK_DEFAULT_SERVER"] = Name;
        _jackd = Process.Start(start) ?? throw new InvalidOperationException("jackd did not start");
        var output = new System.Text.StringBuilder();
        _jackd.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); CountXrun(e.Data); };
        _jackd.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); CountXrun(e.Data); };
        _jackd.BeginOutputReadLine();
        _jackd.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!AcceptsClients())
        {
            if (_jackd.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                var exited = _jackd.HasExited;
                Dispose();
                string text;
                lock (output) text = output.ToString();
                var hint = text.Contains("Too many servers already active", StringComparison.Ordinal)
                    ? " JACK's server registry is full of servers that were killed without cleaning up: with no jackd running, remove /dev/shm/jack-shm-registry and /dev/shm/jack_*."
                    : "";
                throw new InvalidOperationException($"jackd '{Name}' did not accept clients within 15 s (exited: {exited}).{hint} Its output:\n{text}");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>A second server named <c>seqlang-test-PID-LABEL</c>, beside the shared one: only the child processes it configures reach it.</summary>
    public static JackServer StartSecond(string label) => new($"seqlang-test-{Environment.ProcessId}-{label}", isDefault: false);

    /// <summary>
    /// Stops the server as <c>kill PID</c> does (SIGTERM) and waits for it to exit. Not SIGKILL: see <see cref="Dispose"/>.
    /// </summary>
    public void Terminate()
    {
        if (kill(_jackd.Id, 15) != 0) throw new InvalidOperationException($"kill(SIGTERM) of jackd failed: {Marshal.GetLastPInvokeError()}");
        if (!_jackd.WaitForExit(5000)) throw new InvalidOperationException("jackd did not exit within 5 s of SIGTERM");
    }

    private int _xruns;

    /// <summary>Xruns the server has reported so far (the dummy driver prints "JackTimedDriver::Process XRun = N usec").</summary>
    public int Xruns => Volatile.Read(ref _xruns);

    private void CountXrun(string? line)
    {
        if (line is not null && line.Contains("XRun", StringComparison.Ordinal)) Interlocked.Increment(ref _xruns);
    }

    /// <summary>The server name, as in <c>JACK_DEFAULT_SERVER</c>.</summary>
    public string Name { get; }

    /// <summary>One process cycle: the granularity of JACK MIDI (5.33 ms).</summary>
    public static TimeSpan Period => TimeSpan.FromSeconds((double)PeriodFrames / SampleRate);

    /// <summary>The environment a child process needs to reach this server.</summary>
    public void Configure(ProcessStartInfo start)
    {
        start.Environment["JACK_DEFAULT_SERVER"] = Name;
        start.Environment["JACK_NO_START_SERVER"] = "1";
    }

    /// <summary>Runs <c>jack_connect FROM TO</c>.</summary>
    public void Connect(string from, string to)
    {
        var (code, text) = Tools.Run("jack_connect", [from, to], Configure);
        if (code != 0) throw new InvalidOperationException($"jack_connect {from} {to} failed ({code}): {text}");
    }

    /// <summary>The server's port names (<c>jack_lsp</c>).</summary>
    public IReadOnlyList<string> Ports()
    {
        var (code, text) = Tools.Run("jack_lsp", [], Configure);
        return code == 0 ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    public void Dispose()
    {
        try
        {
            // SIGTERM, not SIGKILL: a killed jackd leaves its entry in JACK's shared registry, which holds
            // only a few servers, and after a few test runs no new server could start (seen here).
            if (!_jackd.HasExited && kill(_jackd.Id, 15) == 0 && !_jackd.WaitForExit(5000)) _jackd.Kill();
            if (!_jackd.HasExited)
            {
                _jackd.Kill();
                _jackd.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _jackd.Dispose();
        RemoveClientSemaphores();
    }

    /// <summary>
    /// libjack leaves a semaphore file in /dev/shm for each client that was not closed (a client in a process
    /// that was killed, or that outlived its server): with the server gone, nothing can use them any more.
    /// </summary>
    private void RemoveClientSemaphores()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles("/dev/shm", $"jack_sem.*_{Name}_*")) File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only tidiness: a file left behind harms no later run (each server has its own name).
        }
    }

    private bool AcceptsClients() => !_jackd.HasExited && Tools.Run("jack_lsp", [], Configure).ExitCode == 0;

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}

/// <summary>All tests that talk to JACK share one server and run one at a time (timing on two noisy cores).</summary>
[CollectionDefinition(Name)]
public sealed class JackCollection : ICollectionFixture<JackServer>
{
    public const string Name = "jack";
}
