using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// The JACK ring buffer an RtMidi JACK output writes each message into, found so the clock thread can read it
/// (never write it) just before a send: the send's largest cold cost was this memory, not code (measured: the
/// first send after a wait, 0.9 µs, 0.5 µs with the ring read beforehand). RtMidi does not expose it. RtMidi 5
/// keeps it at: the C wrapper's <c>ptr</c> → the <c>RtMidiOut</c>, whose <c>rtapi_</c> follows its vtable →
/// the <c>MidiOutJack</c>, whose <c>apiData_</c> follows its vtable → <c>JackMidiData</c>, whose third pointer
/// is the ring and whose next field the largest message it takes. The chain is read with
/// <c>process_vm_readv</c>, which fails on memory that is not mapped instead of crashing, and the result is
/// accepted only with RtMidi's fingerprint: a ring of 16,384 bytes (mask 16,383), both positions inside it,
/// and a largest message of 16,383 bytes. Any other layout is not found, and nothing is read during playback.
/// </summary>
internal static unsafe partial class JackOutputRing
{
    private const int RingSize = 16384;

    /// <summary><c>jack_ringbuffer_t</c> from <c>jack/ringbuffer.h</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Layout
    {
        public byte* Buffer;
        public nuint WritePosition;
        public nuint ReadPosition;
        public nuint Size;
        public nuint SizeMask;
        public int Locked;
    }

    /// <summary>The ring of the JACK output behind <paramref name="wrapper"/> (an <c>RtMidiOutPtr</c>), or 0.</summary>
    public static nint Find(nint wrapper)
    {
        if (!OperatingSystem.IsLinux() || wrapper == 0) return 0;
        try
        {
            if (!TryReadPointer(wrapper, out var rtMidiOut)
                || !TryReadPointer(rtMidiOut + sizeof(nint), out var api)
                || !TryReadPointer(api + sizeof(nint), out var data)
                || !TryReadPointer(data + 2 * sizeof(nint), out var ring))
                return 0;
            int largest;
            Layout layout;
            if (!TryRead(data + 3 * sizeof(nint), &largest, sizeof(int)) || !TryRead(ring, &layout, sizeof(Layout))) return 0;
            var fits = largest == RingSize - 1 && layout.Size == RingSize && layout.SizeMask == RingSize - 1
                && layout.WritePosition < RingSize && layout.ReadPosition < RingSize && layout.Buffer != null;
            return fits ? ring : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    private static bool TryReadPointer(nint address, out nint value)
    {
        nint read = 0;
        var ok = address != 0 && address % sizeof(nint) == 0 && TryRead(address, &read, sizeof(nint)) && read != 0;
        value = read;
        return ok;
    }

    private static bool TryRead(nint address, void* into, int length)
    {
        var local = new IoVector { Base = into, Length = (nuint)length };
        var remote = new IoVector { Base = (void*)address, Length = (nuint)length };
        return ProcessVmReadv(Environment.ProcessId, &local, 1, &remote, 1, 0) == length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public void* Base;
        public nuint Length;
    }

    [LibraryImport("libc", EntryPoint = "process_vm_readv")]
    private static partial nint ProcessVmReadv(int pid, IoVector* local, nuint localCount, IoVector* remote, nuint remoteCount, nuint flags);
}
