namespace SeqLang.Player.Tests.Support;

/// <summary>
/// How far from its ideal time a message may arrive in the JACK tests. These tests run on two shared cores,
/// beside other test projects, builds, and in the stress runs <c>stress --cpu 2</c>: the player or JACK
/// stalls now and then for tens of milliseconds (seen: a whole instant 73 to 84 ms late; the player's own
/// timing report showed a 20 ms send under stress, a collection suspending the clock thread being the first
/// suspect). A stall is the machine's, not the player's; the timing benchmark measures the player.
/// </summary>
public static class Tolerances
{
    /// <summary>The typical message: one JACK period (JACK delivers MIDI per period) plus what two shared cores add.</summary>
    public static readonly double OnTime = JackServer.Period.TotalSeconds + 0.025;

    /// <summary>The median message, held tighter: a stall moves a few instants, not the middle of the distribution.</summary>
    public static readonly double Median = JackServer.Period.TotalSeconds + 0.002;

    /// <summary>Any message at all: past this it is in the wrong place (half a beat at 120 BPM), whatever the machine did.</summary>
    public const double Stall = 0.25;

    /// <summary>How many of <paramref name="total"/> messages may be past <see cref="OnTime"/> (within <see cref="Stall"/>): a stall delays whole instants, a few of them.</summary>
    public static int StalledAllowed(int total) => Math.Max(24, total * 3 / 100);
}
