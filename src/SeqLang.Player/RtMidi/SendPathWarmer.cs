using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// Keeps an RtMidi output's send path quick for the player's clock thread (measured under JACK on this
/// project's 2-core machine, 8 bars of a dense piece): the first send after the clock thread slept costs 2 to 5 µs (its code and data fell out of the
/// caches while other work ran on the core), and every later message of a chord waits for it.
/// <see cref="Warm"/> touches that path just before the send: an RtMidi call on the same objects, libjack's
/// ring-buffer code on a private buffer, the first lines of the functions a send runs, and (under JACK, when
/// <see cref="JackOutputRing"/> finds it) the output's own ring where the send will write. With the clock
/// loop's own rehearsal it brought the first send of a chord from about 5 µs to about 0.5 µs.
/// </summary>
internal sealed unsafe class SendPathWarmer : IDisposable
{
    private readonly nint _device;
    private readonly nint[] _code;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint> _ringWrite;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint> _ringRead;
    private readonly delegate* unmanaged[Cdecl]<nint, void> _ringFree;
    private nint _ring;
    private readonly JackOutputRing.Layout* _sendRing;
    private readonly delegate* unmanaged[Cdecl]<nint, nuint> _ringWriteSpace;
    private long _touched;

    public SendPathWarmer(nint device, MidiApi api)
    {
        _device = device;
        var code = new List<nint> { RtMidiLibrary.RtMidiExport("rtmidi_out_send_message") };
        var jack = api == MidiApi.Jack ? RtMidiLibrary.Jack() : 0;
        if (jack != 0
            && NativeLibrary.TryGetExport(jack, "jack_ringbuffer_create", out var create)
            && NativeLibrary.TryGetExport(jack, "jack_ringbuffer_write", out var write)
            && NativeLibrary.TryGetExport(jack, "jack_ringbuffer_read", out var read)
            && NativeLibrary.TryGetExport(jack, "jack_ringbuffer_free", out var free))
        {
            _ring = ((delegate* unmanaged[Cdecl]<nuint, nint>)create)(64);
            _ringWrite = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint>)write;
            _ringRead = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint>)read;
            _ringFree = (delegate* unmanaged[Cdecl]<nint, void>)free;
            code.Add(write);
            if (NativeLibrary.TryGetExport(jack, "jack_ringbuffer_write_space", out var space))
            {
                code.Add(space);
                _ringWriteSpace = (delegate* unmanaged[Cdecl]<nint, nuint>)space;
                _sendRing = (JackOutputRing.Layout*)JackOutputRing.Find(device);
            }
            // The C++ method behind the C call, when the library exports it (RtMidi 5 does).
            code.Add(RtMidiLibrary.RtMidiExport("_ZN11MidiOutJack11sendMessageEPKhm"));
        }
        _code = code.Where(address => address != 0).ToArray();
    }

    /// <summary>Clock thread: touches the send path without sending.</summary>
    public void Warm()
    {
        _touched += RtMidiNative.OutGetCurrentApi(_device);
        if (_ring != 0)
        {
            var bytes = stackalloc byte[4];
            _ringWrite(_ring, bytes, 4);
            _ringRead(_ring, bytes, 4);
        }
        foreach (var code in _code) _touched += ((byte*)code)[0] + ((byte*)code)[64];
        if (_sendRing != null)
        {
            // What the send reads and writes in the output's own ring: both positions, then the bytes at the
            // write position. Only reads: this thread is the ring's one writer, and the reader never looks there.
            _touched += (long)_ringWriteSpace((nint)_sendRing);
            _touched += _sendRing->Buffer[_sendRing->WritePosition & _sendRing->SizeMask];
        }
    }

    public void Dispose()
    {
        if (_ring == 0) return;
        _ringFree(_ring);
        _ring = 0;
    }
}
