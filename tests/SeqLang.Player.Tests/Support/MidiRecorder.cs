using System.Diagnostics;
using SeqLang.Player.RtMidi;

namespace SeqLang.Player.Tests.Support;

/// <summary>A message as it arrived at the recorder: the Stopwatch time of arrival and its bytes.</summary>
public sealed record Received(long Timestamp, byte[] Bytes)
{
    public int Status => Bytes[0] & 0xF0;
    public int Channel => Bytes[0] & 0x0F;
    public bool IsNoteOn => Status == 0x90 && Bytes.Length == 3 && Bytes[2] > 0;
    public bool IsNoteOff => Status == 0x80 || (Status == 0x90 && Bytes.Length == 3 && Bytes[2] == 0);
    public override string ToString() => $"{Convert.ToHexString(Bytes)}";
}

/// <summary>
/// A JACK MIDI input port of our own binding (<c>CLIENT:in</c>), collecting every message with the
/// Stopwatch time it arrived. The callback runs on JACK's process thread, once per period, so arrival
/// times are exact to a period (<see cref="JackServer.Period"/>). With <c>keepRealtime</c> it also keeps MIDI clock and the
/// other system realtime/common messages (<c>F8</c> pulses, <c>FA</c> Start, <c>FB</c> Continue, <c>FC</c>
/// Stop, <c>F2</c> Song Position Pointer), which RtMidi inputs drop by default.
/// </summary>
public sealed class MidiRecorder : IDisposable
{
    private static int _count;
    private readonly MidiInput _input;
    private readonly List<Received> _messages = new();

    public MidiRecorder(bool keepRealtime = false)
    {
        ClientName = $"seq-recorder-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}";
        _input = MidiInput.Create(MidiApi.Jack, ClientName);
        if (keepRealtime) _input.IgnoreTypes(sysex: true, timing: false, activeSensing: true);
        _input.SetCallback(OnMessage);
        _input.OpenVirtual("in");
    }

    public string ClientName { get; }

    /// <summary>The full JACK name of the port, for <c>--port</c> or <c>jack_connect</c>.</summary>
    public string PortName => $"{ClientName}:in";

    public IReadOnlyList<Received> Messages
    {
        get
        {
            lock (_messages) return _messages.ToList();
        }
    }

    public Exception? Fault => _input.HandlerFault;

    /// <summary>Waits until <paramref name="done"/> holds for the messages so far, or the timeout passes.</summary>
    public IReadOnlyList<Received> WaitFor(Func<IReadOnlyList<Received>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var now = Messages;
            if (done(now) || clock.Elapsed > timeout) return now;
            Thread.Sleep(10);
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

    public void Clear()
    {
        lock (_messages) _messages.Clear();
    }

    public void Dispose() => _input.Dispose();

    private void OnMessage(double deltaSeconds, ReadOnlySpan<byte> message)
    {
        var at = Stopwatch.GetTimestamp();
        var bytes = message.ToArray();
        lock (_messages) _messages.Add(new Received(at, bytes));
    }
}
