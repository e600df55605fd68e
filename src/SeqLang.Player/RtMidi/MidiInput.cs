using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// Receives one MIDI message. <paramref name="deltaSeconds"/> is RtMidi's time since the previous message
/// (0 for the first); <paramref name="message"/> is valid only during the call. Called on the MIDI system's
/// thread (JACK's process thread, ALSA's input thread), so keep it short and do not block.
/// </summary>
public delegate void MidiMessageHandler(double deltaSeconds, ReadOnlySpan<byte> message);

/// <summary>An RtMidi input: list sources, open one (or a virtual port), receive messages through a callback.</summary>
public sealed unsafe class MidiInput : RtMidiDevice
{
    private GCHandle _self;
    private MidiMessageHandler? _handler;

    private MidiInput(nint handle, MidiApi api, string clientName) : base(handle, api, clientName)
    {
    }

    /// <summary>The first exception a handler threw; it is caught so that it never unwinds into native code.</summary>
    public Exception? HandlerFault { get; private set; }

    /// <param name="api">The API; <see cref="MidiApi.Unspecified"/> lets RtMidi choose.</param>
    /// <param name="clientName">The client name other programs see.</param>
    /// <param name="queueSize">Messages RtMidi queues when no callback is set.</param>
    public static MidiInput Create(MidiApi api, string clientName, int queueSize = 1024)
    {
        RtMidiLibrary.EnsureLoaded();
        var handle = RtMidiNative.InCreate((int)api, clientName, (uint)queueSize);
        if (!RtMidiNative.IsOk(handle))
        {
            if (handle != 0) RtMidiNative.InFree(handle);
            throw new MidiDeviceException($"cannot start a MIDI input through {MidiApiNames.Name(api)}");
        }
        return new MidiInput(handle, api, clientName);
    }

    /// <summary>Which kinds RtMidi drops before the callback: by default SysEx, timing (clock) and active sensing are all dropped.</summary>
    public void IgnoreTypes(bool sysex, bool timing, bool activeSensing)
    {
        ThrowIfDisposed();
        RtMidiNative.InIgnoreTypes(Handle, sysex, timing, activeSensing);
    }

    /// <summary>Delivers every message to <paramref name="handler"/> from now on (replacing any earlier handler).</summary>
    public void SetCallback(MidiMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfDisposed();
        CancelCallback();
        // Compiled now, not by the first message on the MIDI system's thread (the tool runs without tiered
        // compilation): that message is often a controller's, with a 1 ms budget from arrival to effect.
        Warmup.Prepare(typeof(MidiInput));
        Warmup.Prepare(handler);
        _handler = handler;
        _self = GCHandle.Alloc(this);
        RtMidiNative.ResetOk(Handle);
        RtMidiNative.InSetCallback(Handle, &OnMessage, GCHandle.ToIntPtr(_self));
        if (!RtMidiNative.IsOk(Handle))
        {
            _self.Free();
            _handler = null;
            throw new MidiDeviceException("cannot set the MIDI input callback");
        }
    }

    public void CancelCallback()
    {
        if (!_self.IsAllocated) return;
        RtMidiNative.InCancelCallback(Handle);
        _self.Free();
        _handler = null;
    }

    private protected override void Free(nint handle)
    {
        // RtMidi 5's rtmidi_in_free deletes the callback's data before the input object, so a message arriving
        // in between calls through freed memory (seen here: the test host crashed, now and then, when a
        // recorder was disposed while a player still sent to it). So: close the port first, let a few JACK
        // periods pass for a callback already running, cancel the callback, and only then free. (Dispose
        // has closed the port already.)
        if (_self.IsAllocated)
        {
            Thread.Sleep(20);
            RtMidiNative.InCancelCallback(handle);
        }
        RtMidiNative.InFree(handle);
        if (_self.IsAllocated) _self.Free();
        _handler = null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(double deltaSeconds, byte* message, nuint size, nint userData)
    {
        if (userData == 0) return;
        if (GCHandle.FromIntPtr(userData).Target is not MidiInput input || input._handler is not { } handler) return;
        try
        {
            handler(deltaSeconds, new ReadOnlySpan<byte>(message, (int)size));
        }
        catch (Exception e)
        {
            input.HandlerFault ??= e;
        }
    }
}
