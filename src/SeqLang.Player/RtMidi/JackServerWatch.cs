using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// Tells whether the JACK server has gone away while playing. RtMidi cannot: its JACK back end never asks to
/// hear of a shutdown, and libjack keeps answering port queries from the dead server's shared memory, so a
/// port listing still shows every port (measured: a killed server's ports were all still listed a second
/// later). So this opens a client of its own, with no ports, and asks libjack to call <c>sem_post</c> on a
/// semaphore when the server shuts the client down; <see cref="ServerGone"/> reads the semaphore's count.
/// </summary>
/// <remarks>
/// The shutdown callback is a native function, not a managed one: libjack calls it on its own thread, and
/// requires it to be safe as a signal handler, which <c>sem_post</c> is (POSIX); a managed callback could run
/// while the process exits, when calling into the runtime is unsafe (see <see cref="JackProbe"/>). Linux only:
/// macOS has no unnamed semaphores and Windows no <c>sem_post</c>; there <see cref="Open"/> returns null.
/// </remarks>
public sealed unsafe partial class JackServerWatch : IDisposable
{
    private const string LibC = "libc.so.6";

    /// <summary>Room for a <c>sem_t</c> (32 bytes on 64-bit glibc).</summary>
    private const int SemaphoreSize = 64;

    private nint _client;
    private void* _semaphore;

    private JackServerWatch(nint client, void* semaphore)
    {
        _client = client;
        _semaphore = semaphore;
    }

    /// <summary>A watch on the JACK server libjack talks to, or null where it cannot be had (no server, no libjack, not Linux).</summary>
    public static JackServerWatch? Open(string clientName)
    {
        if (!OperatingSystem.IsLinux() || RtMidiLibrary.Jack() == 0) return null;
        if (!NativeLibrary.TryLoad(LibC, out var libc) || !NativeLibrary.TryGetExport(libc, "sem_post", out var semPost)) return null;
        JackProbe.Silence();
        var semaphore = NativeMemory.AlignedAlloc(SemaphoreSize, 16);
        NativeMemory.Clear(semaphore, SemaphoreSize);
        if (SemInit(semaphore, 0, 0) != 0)
        {
            NativeMemory.AlignedFree(semaphore);
            return null;
        }
        var client = JackProbe.ClientOpen(clientName, JackProbe.JackNoStartServer, out _);
        if (client == 0)
        {
            SemDestroy(semaphore);
            NativeMemory.AlignedFree(semaphore);
            return null;
        }
        // Called when the server shuts the client down: it stopped, crashed or was killed.
        OnShutdown(client, (delegate* unmanaged[Cdecl]<void*, void>)semPost, semaphore);
        return new JackServerWatch(client, semaphore);
    }

    /// <summary>True once the server has shut this client down (it stopped, crashed or was killed). Any thread; never blocks.</summary>
    public bool ServerGone
    {
        get
        {
            if (_semaphore == null) return false;
            int count;
            return SemGetValue(_semaphore, &count) == 0 && count > 0;
        }
    }

    public void Dispose()
    {
        if (_client == 0) return;
        // Closed first: after jack_client_close returns, libjack no longer calls the shutdown callback.
        JackProbe.ClientClose(_client);
        _client = 0;
        SemDestroy(_semaphore);
        NativeMemory.AlignedFree(_semaphore);
        _semaphore = null;
    }

    [LibraryImport(JackProbe.Library, EntryPoint = "jack_on_shutdown")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void OnShutdown(nint client, delegate* unmanaged[Cdecl]<void*, void> function, void* argument);

    [LibraryImport(LibC, EntryPoint = "sem_init")]
    private static partial int SemInit(void* semaphore, int shared, uint value);

    [LibraryImport(LibC, EntryPoint = "sem_getvalue")]
    private static partial int SemGetValue(void* semaphore, int* value);

    [LibraryImport(LibC, EntryPoint = "sem_destroy")]
    private static partial int SemDestroy(void* semaphore);
}
