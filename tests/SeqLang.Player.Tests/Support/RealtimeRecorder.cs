using System.Diagnostics;
using SeqLang.Player.RtMidi;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// A <see cref="MidiRecorder"/> that also keeps MIDI clock and the other system realtime/common messages
/// (<c>F8</c> pulses, <c>FA</c> Start, <c>FB</c> Continue, <c>FC</c> Stop, <c>F2</c> Song Position Pointer),
/// which RtMidi inputs drop by default. A JACK port of its own (<c>CLIENT:in</c>), each message with the
/// Stopwatch time it arrived (exact to a JACK period).
/// </summary>
public sealed class RealtimeRecorder : IDisposable
{
    private static int _count;
    private readonly MidiInput _input;
    private readonly List<Received> _messages = new();

    public RealtimeRecorder()
    {
        ClientName = $"seq-rt-recorder-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}";
        _input = MidiInput.Create(MidiApi.Jack, ClientName);
        _input.IgnoreTypes(sysex: true, timing: false, activeSensing: true);
        _input.SetCallback(OnMessage);
        _input.OpenVirtual("in");
    }

    public string ClientName { get; }

    public string PortName => $"{ClientName}:in";

    public IReadOnlyList<Received> Messages
    {
        get
        {
            lock (_messages) return _messages.ToList();
        }
    }

    /// <summary>Waits until no message has arrived for <paramref name="quiet"/>.</summary>
    public IReadOnlyList<Received> WaitForQuiet(TimeSpan quiet, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var count = -1;
        var since = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var now = Messages.Count;
            if (now != count)
            {
                count = now;
                since.Restart();
            }
            else if (since.Elapsed >= quiet) break;
            Thread.Sleep(10);
        }
        return Messages;
    }

    public void Dispose() => _input.Dispose();

    private void OnMessage(double deltaSeconds, ReadOnlySpan<byte> message)
    {
        var at = Stopwatch.GetTimestamp();
        var bytes = message.ToArray();
        lock (_messages) _messages.Add(new Received(at, bytes));
    }
}

/// <summary>Helpers for received messages that may include system messages.</summary>
public static class ReceivedExtensions
{
    /// <summary>A system message (status F0..FF): clock, Start/Continue/Stop, Song Position Pointer.</summary>
    public static bool IsSystem(this Received m) => m.Bytes[0] >= 0xF0;

    /// <summary>CC 123 (all notes off).</summary>
    public static bool IsAllNotesOff(this Received m) => m.Status == 0xB0 && m.Bytes.Length == 3 && m.Bytes[1] == 123;

    /// <summary>Seconds between two Stopwatch timestamps.</summary>
    public static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
