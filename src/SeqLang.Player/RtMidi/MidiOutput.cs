namespace SeqLang.Player.RtMidi;

/// <summary>An RtMidi output: list destinations, open one (or a virtual port), send messages.</summary>
public sealed unsafe class MidiOutput : RtMidiDevice, IMidiSink
{
    private MidiOutput(nint handle, MidiApi api, string clientName) : base(handle, api, clientName)
    {
    }

    /// <summary>An output on <paramref name="api"/>; throws <see cref="MidiDeviceException"/> when it does not initialise.</summary>
    public static MidiOutput Create(MidiApi api, string clientName)
    {
        RtMidiLibrary.EnsureLoaded();
        var handle = RtMidiNative.OutCreate((int)api, clientName);
        if (!RtMidiNative.IsOk(handle))
        {
            if (handle != 0) RtMidiNative.OutFree(handle);
            throw new MidiDeviceException($"cannot start a MIDI output through {MidiApiNames.Name(api)}");
        }
        return new MidiOutput(handle, api, clientName);
    }

    /// <summary>
    /// Sends one message now. Returns false when RtMidi reports a failure. Allocates nothing (the player's
    /// clock thread calls it for every event).
    /// </summary>
    public bool Send(ReadOnlySpan<byte> message)
    {
        if (Handle == 0) return false;
        fixed (byte* p = message)
        {
            return RtMidiNative.OutSendMessage(Handle, p, message.Length) == 0 && RtMidiNative.IsOk(Handle);
        }
    }

    /// <summary>
    /// The first send of a process is slow in managed code (the P/Invoke stub is made, dispatch stubs are
    /// bound; measured here: 155 µs, 31 µs, then 0.1 µs per send under tiered compilation, and up to
    /// 0.5 ms for the first notes of a playback without it). Under JACK a second output with no port takes
    /// that hit silently: its messages stay in its own buffer. Other APIs would print warnings or deliver
    /// the message, so there the first send pays.
    /// </summary>
    void IMidiSink.WarmUp()
    {
        if (Api != MidiApi.Jack) return;
        using var spare = Create(Api, ClientName + "-warmup");
        IMidiSink sink = spare;
        ReadOnlySpan<byte> off = [0x80, 0, 0];
        for (var i = 0; i < 3; i++) sink.Send(off);
    }

    private protected override void Free(nint handle) => RtMidiNative.OutFree(handle);
}
