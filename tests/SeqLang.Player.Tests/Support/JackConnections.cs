using System.Diagnostics;

namespace SeqLang.Player.Tests.Support;

/// <summary>Waiting for JACK ports and connections that another process makes (<c>jack_lsp -c</c>).</summary>
public static class JackConnections
{
    /// <summary>Port name → the ports it is connected to, as <c>jack_lsp -c</c> prints them.</summary>
    public static Dictionary<string, List<string>> Read(JackServer jack)
    {
        var (code, text) = Tools.Run("jack_lsp", ["-c"], jack.Configure);
        var map = new Dictionary<string, List<string>>();
        if (code != 0) return map;
        List<string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            if (char.IsWhiteSpace(line[0]))
            {
                current?.Add(line.Trim());
            }
            else
            {
                current = new List<string>();
                map[line.Trim()] = current;
            }
        }
        return map;
    }

    /// <summary>Waits until <paramref name="port"/> is connected to a port whose name ends with <paramref name="peerSuffix"/>; false on timeout or when <paramref name="gaveUp"/> holds.</summary>
    public static bool WaitForConnection(JackServer jack, string port, string peerSuffix, TimeSpan timeout, Func<bool>? gaveUp = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (gaveUp?.Invoke() == true) return false;
            if (Read(jack).TryGetValue(port, out var peers) && peers.Any(p => p.EndsWith(peerSuffix, StringComparison.Ordinal))) return true;
            Thread.Sleep(50);
        }
        return false;
    }
}
