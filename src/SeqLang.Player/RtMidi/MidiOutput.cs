namespace SeqLang.Player.RtMidi;

/// <summary>An RtMidi output: list destinations, open one (or a virtual port), send messages.</summary>
public sealed unsafe class MidiOutput : RtMidiDevice, IMidiSink
{
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, int, int> _sendMessage;

    private MidiOutput(nint handle, MidiApi api, string clientName) : base(handle, api, clientName)
    {
        _sendMessage = RtMidiNative.OutSendMessage();
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
    /// Sends one message now (an empty one sends nothing). Returns false when RtMidi reports a failure.
    /// Allocates nothing (the player's clock thread calls it for every event).
    /// </summary>
    public bool Send(ReadOnlySpan<byte> message)
    {
        if (Handle == 0 || _sendMessage == null) return false;
        if (message.IsEmpty) return true;
        fixed (byte* p = message)
        {
            return _sendMessage(Handle, p, message.Length) == 0 && RtMidiNative.IsOk(Handle);
        }
    }

    private protected override void Free(nint handle)
    {
        RtMidiNative.OutFree(handle);
    }
}
