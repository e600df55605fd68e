using System.Diagnostics;
using SeqLang.Player.RtMidi;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// A MIDI clock master for <c>--clock-in</c>: a virtual JACK output port of our own (<c>CLIENT:out</c>) that
/// sends Start, Stop, Continue and clock pulses, each with the Stopwatch time it was handed to JACK. Pulses
/// go out at absolute times from a starting point (sleep, then spin the last millisecond), so they do not drift.
/// </summary>
public sealed class ClockSender : IDisposable
{
    private static int _count;
    private readonly MidiOutput _output;
    private readonly List<(long At, byte Status)> _sent = new();

    public ClockSender()
    {
        ClientName = $"testclock-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}";
        _output = MidiOutput.Create(MidiApi.Jack, ClientName);
        _output.OpenVirtual("out");
    }

    public string ClientName { get; }

    public string PortName => $"{ClientName}:out";

    /// <summary>Every message sent so far with the Stopwatch time it was sent.</summary>
    public IReadOnlyList<(long At, byte Status)> Sent => _sent;

    /// <summary>Sends one single-byte message now; returns when it was sent.</summary>
    public long Send(byte status)
    {
        var at = Stopwatch.GetTimestamp();
        if (!_output.Send([status])) throw new InvalidOperationException($"sending {status:X2} failed");
        _sent.Add((at, status));
        return at;
    }

    /// <summary>
    /// Sends <paramref name="count"/> pulses (F8), the first at <paramref name="first"/> (a Stopwatch time), then one
    /// every <paramref name="interval"/>; returns the time the next pulse would be due.
    /// </summary>
    public long Pulses(int count, long first, TimeSpan interval)
    {
        var step = interval.TotalSeconds * Stopwatch.Frequency;
        for (var i = 0; i < count; i++)
        {
            WaitUntil(first + (long)(i * step));
            Send(0xF8);
        }
        return first + (long)(count * step);
    }

    /// <summary>Pulses at <paramref name="bpm"/> (24 a quarter note).</summary>
    public long Pulses(int count, long first, double bpm) => Pulses(count, first, TimeSpan.FromSeconds(60.0 / bpm / 24));

    public static void WaitUntil(long at)
    {
        while (true)
        {
            var left = (double)(at - Stopwatch.GetTimestamp()) / Stopwatch.Frequency;
            if (left <= 0) return;
            if (left > 0.0015) Thread.Sleep(TimeSpan.FromSeconds(left - 0.001));
            else Thread.SpinWait(50);
        }
    }

    public void Dispose() => _output.Dispose();
}
