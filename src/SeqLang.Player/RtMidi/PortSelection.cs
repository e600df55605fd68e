namespace SeqLang.Player.RtMidi;

/// <summary>
/// SPEC §9's rule for choosing an output port: by a part of its name (case-insensitive); with no name and
/// exactly one port, that port; with several, none is guessed. A pure function, so it is tested without
/// any MIDI system.
/// </summary>
public static class PortSelection
{
    /// <summary>The chosen port, or why there is none (<see cref="IsUsageError"/>: the command line must say more).</summary>
    public sealed record Result(MidiPort? Port, string? Error, bool IsUsageError);

    public static Result Choose(IReadOnlyList<MidiPort> ports, string? query, string direction = "output")
    {
        if (string.IsNullOrEmpty(query))
        {
            return ports.Count switch
            {
                0 => new Result(null, $"there is no MIDI {direction} port; connect a device or start a synthesizer, or open one with --virtual NAME and connect it yourself", false),
                1 => new Result(ports[0], null, false),
                _ => new Result(null, $"there are {ports.Count} MIDI {direction} ports; choose one with --port NAME (a part of its name is enough):{List(ports)}", true),
            };
        }
        var matches = ports.Where(p => p.Name.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return new Result(matches[0], null, false);
        if (matches.Count == 0)
        {
            return new Result(null, ports.Count == 0
                ? $"no MIDI {direction} port matches '{query}': there are none"
                : $"no MIDI {direction} port matches '{query}'; the ports are:{List(ports)}", false);
        }
        var exact = matches.Where(p => string.Equals(p.Name, query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return new Result(exact[0], null, false);
        return new Result(null, $"'{query}' matches {matches.Count} MIDI {direction} ports; give more of the name:{List(matches)}", true);
    }

    private static string List(IEnumerable<MidiPort> ports) =>
        string.Concat(ports.Select(p => $"{Environment.NewLine}  {p.Index}: {p.Name}"));
}
