using System.Diagnostics;
using SeqLang.Cli;
using SeqLang.Player.Tests.Support;
using Xunit.Abstractions;

namespace SeqLang.Player.Tests;

/// <summary>
/// Losing the MIDI system mid-play: the JACK server stops under a playing <c>seq play</c>, which must stop
/// within a second with exit 3 and say what happened, as when its port vanishes. The server is a second
/// one of this test's own; the shared one must outlive every test.
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackServerLossTests(ITestOutputHelper output)
{
    /// <summary>
    /// The promise is a second from the kill to the exit; measured here 0.12 to 0.19 s. The
    /// assertion allows half a second more for the process's own exit on a loaded two-core machine.
    /// </summary>
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void The_JACK_server_stopping_mid_play_stops_playback_with_exit_3_and_says_so()
    {
        using var server = JackServer.StartSecond("lost");
        using var dump = MidiDump.Start(server);
        using var seq = SeqProcess.Start(server, ["play", Path.Combine(Repository.Inputs, "three-track.seq"), "--port", MidiDump.PortName, "--quiet"]);
        Assert.True(Wait.Until(() => dump.Count > 10 || seq.HasExited, TimeSpan.FromSeconds(20)), "nothing arrived at the receiver within 20 s");
        Assert.False(seq.HasExited, $"seq play ended before the server stopped: {seq.ErrorSoFar}");

        var clock = Stopwatch.StartNew();
        server.Terminate();
        var result = seq.WaitForExit(TimeSpan.FromSeconds(10));
        var exitedAfter = clock.Elapsed;
        output.WriteLine($"seq play exited {exitedAfter.TotalMilliseconds:0} ms after the JACK server was sent SIGTERM");

        Assert.True(result.ExitCode == ExitCodes.IoError, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"the JACK server '{server.Name}' went away", result.Error);
        Assert.True(exitedAfter <= Allowed, $"seq play exited {exitedAfter.TotalSeconds:0.00} s after the server stopped");
    }
}
