using System.Text;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// What RtMidi's input and output objects share: the native handle, the API it runs on, listing ports and
/// opening one. Not thread-safe, as RtMidi is not: one thread uses a device at a time.
/// </summary>
public abstract unsafe class RtMidiDevice : IDisposable
{
    private protected nint Handle;
    private bool _disposed;

    private protected RtMidiDevice(nint handle, MidiApi api, string clientName)
    {
        Handle = handle;
        Api = api;
        ClientName = clientName;
    }

    public MidiApi Api { get; }

    /// <summary>The client name the device registered with the MIDI system (JACK may add a suffix when it is taken).</summary>
    public string ClientName { get; }

    /// <summary>True once a port is open (by number or virtual).</summary>
    public bool IsOpen { get; private set; }

    /// <summary>The name of the port this device connected to, or null (virtual port, or not open).</summary>
    public string? ConnectedTo { get; private set; }

    /// <summary>The ports on the other side: destinations for an output, sources for an input.</summary>
    public IReadOnlyList<MidiPort> Ports()
    {
        ThrowIfDisposed();
        var count = RtMidiNative.GetPortCount(Handle);
        var ports = new List<MidiPort>((int)Math.Min(count, 1024));
        for (uint i = 0; i < count && i < 1024; i++)
        {
            if (PortName(i) is { } name) ports.Add(new MidiPort((int)i, name));
        }
        return ports;
    }

    /// <summary>Creates our port named <paramref name="portName"/> and connects it to port <paramref name="port"/>.</summary>
    public void Open(MidiPort port, string portName)
    {
        ThrowIfDisposed();
        RtMidiNative.ResetOk(Handle);
        RtMidiNative.OpenPort(Handle, (uint)port.Index, portName);
        if (!RtMidiNative.IsOk(Handle))
            throw new MidiDeviceException($"cannot open MIDI port '{port.Name}' through {MidiApiNames.Name(Api)}");
        IsOpen = true;
        ConnectedTo = port.Name;
    }

    /// <summary>Creates a port named <paramref name="portName"/> that other programs can connect to.</summary>
    public void OpenVirtual(string portName)
    {
        ThrowIfDisposed();
        RtMidiNative.ResetOk(Handle);
        RtMidiNative.OpenVirtualPort(Handle, portName);
        if (!RtMidiNative.IsOk(Handle))
            throw new MidiDeviceException($"cannot create the virtual MIDI port '{portName}' through {MidiApiNames.Name(Api)}"
                + (OperatingSystem.IsWindows() ? " (Windows' MIDI API has no virtual ports)" : ""));
        IsOpen = true;
    }

    public void Close()
    {
        if (_disposed || !IsOpen) return;
        RtMidiNative.ClosePort(Handle);
        IsOpen = false;
        ConnectedTo = null;
    }

    public void Dispose()
    {
        if (_disposed) return;
        Close();
        _disposed = true;
        Free(Handle);
        Handle = 0;
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Forgets the native device without closing or freeing it, once the MIDI system itself has gone: RtMidi's
    /// JACK output waits up to a second, on close, for a process cycle that a dead server never runs. What is
    /// left goes with the process.
    /// </summary>
    public void Abandon()
    {
        if (_disposed) return;
        _disposed = true;
        IsOpen = false;
        ConnectedTo = null;
        Handle = 0;
        GC.SuppressFinalize(this);
    }

    private protected abstract void Free(nint handle);

    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private string? PortName(uint index)
    {
        int length = 0;
        if (RtMidiNative.GetPortName(Handle, index, null, &length) < 0 || length <= 0) return null;
        var buffer = new byte[length + 1];
        fixed (byte* p = buffer)
        {
            var size = buffer.Length;
            if (RtMidiNative.GetPortName(Handle, index, p, &size) < 0) return null;
        }
        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
    }
}
