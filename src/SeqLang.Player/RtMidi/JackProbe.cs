using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// Tells whether a JACK server accepts clients, through libjack itself. RtMidi cannot say: its JACK
/// back end creates a device even when no server runs (a warning, <c>ok</c> stays true) and every later
/// call retries and prints the same warning, so "the first API that initialises" needs this probe.
/// The server is the one libjack would pick: <c>JACK_DEFAULT_SERVER</c>, else "default".
/// </summary>
internal static unsafe partial class JackProbe
{
    public const string Library = "jack";

    internal const int JackNoStartServer = 0x01;

    private static bool _silenced;

    public static bool ServerRunning()
    {
        if (RtMidiLibrary.Jack() == 0) return false;
        Silence();
        // jack_client_open is variadic; no variadic arguments are passed (no JackServerName option).
        var client = ClientOpen("seq-probe", JackNoStartServer, out _);
        if (client == 0) return false;
        ClientClose(client);
        return true;
    }

    /// <summary>
    /// libjack prints "Cannot connect to server socket" and more on stderr for every failed attempt; the
    /// player reports the failure itself, in one line that says what to do.
    /// </summary>
    /// <remarks>
    /// The handler is a native function, the C library's <c>strlen</c> (reads the text, changes nothing; its
    /// result is ignored, which the C calling conventions allow), not a managed callback: libjack calls it
    /// from its own threads, also while the process exits, when calling into the runtime is unsafe (a port
    /// vanishing at the end of a playback crashed the process, now and then, with a managed handler).
    /// </remarks>
    internal static void Silence()
    {
        if (_silenced) return;
        _silenced = true;
        var libc = OperatingSystem.IsMacOS() ? "/usr/lib/libSystem.B.dylib" : OperatingSystem.IsWindows() ? "msvcrt.dll" : "libc.so.6";
        if (!NativeLibrary.TryLoad(libc, out var handle) || !NativeLibrary.TryGetExport(handle, "strlen", out var strlen)) return;
        var ignore = (delegate* unmanaged[Cdecl]<byte*, void>)strlen;
        SetErrorFunction(ignore);
        SetInfoFunction(ignore);
    }

    [LibraryImport(Library, EntryPoint = "jack_client_open", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial nint ClientOpen(string name, int options, out int status);

    [LibraryImport(Library, EntryPoint = "jack_client_close")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial int ClientClose(nint client);

    [LibraryImport(Library, EntryPoint = "jack_set_error_function")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void SetErrorFunction(delegate* unmanaged[Cdecl]<byte*, void> function);

    [LibraryImport(Library, EntryPoint = "jack_set_info_function")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void SetInfoFunction(delegate* unmanaged[Cdecl]<byte*, void> function);
}
