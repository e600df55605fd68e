using System.Diagnostics;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// <c>jack_midi_dump</c> as a child process on a given server (port <c>midi-monitor:input</c>), counting the
/// messages it prints: a receiver on a server this test process is no client of (<see cref="JackServer.StartSecond"/>).
/// </summary>
public sealed class MidiDump : IDisposable
{
    public const string PortName = "midi-monitor:input";

    private readonly Process _process;
    private int _lines;

    private MidiDump(Process process)
    {
        _process = process;
    }

    public static MidiDump Start(JackServer server)
    {
        var start = new ProcessStartInfo(Tools.Find("jack_midi_dump") ?? throw new InvalidOperationException($"jack_midi_dump is not installed; {JackServer.InstallHint}"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        server.Configure(start);
        var dump = new MidiDump(Process.Start(start) ?? throw new InvalidOperationException("jack_midi_dump did not start"));
        dump._process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Interlocked.Increment(ref dump._lines); };
        dump._process.ErrorDataReceived += (_, _) => { };
        dump._process.BeginOutputReadLine();
        dump._process.BeginErrorReadLine();
        if (!Wait.Until(() => server.Ports().Contains(PortName), TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException($"jack_midi_dump's port {PortName} did not appear on {server.Name}");
        return dump;
    }

    /// <summary>Messages printed so far (one line each).</summary>
    public int Count => Volatile.Read(ref _lines);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
