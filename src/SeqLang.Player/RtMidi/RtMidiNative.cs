using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// RtMidi's C API (<c>rtmidi_c.h</c>, RtMidi 5 and 6: <c>librtmidi.so.6</c> and <c>.so.7</c>), bound with
/// source-generated P/Invoke. Call <see cref="RtMidiLibrary.EnsureLoaded"/> first: it installs the resolver
/// that finds the library under its versioned names and turns a missing library into a clear error.
/// </summary>
/// <remarks>
/// The wrapper's <c>msg</c> field is not read: RtMidi 5 stores <c>err.what()</c> of an exception that has
/// already been destroyed, so the pointer dangles (seen here: garbage bytes). Failures are read from
/// <c>ok</c> and described in our own words; RtMidi prints its own message on stderr.
/// </remarks>
internal static unsafe partial class RtMidiNative
{
    public const string Library = "rtmidi";

    /// <summary><c>struct RtMidiWrapper { void* ptr; void* data; bool ok; const char* msg; }</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Wrapper
    {
        public nint Ptr;
        public nint Data;
        public byte Ok;
        public nint Message;
    }

    /// <summary>True when the last call on <paramref name="device"/> succeeded (and the device exists at all).</summary>
    public static bool IsOk(nint device) => device != 0 && ((Wrapper*)device)->Ptr != 0 && ((Wrapper*)device)->Ok != 0;

    /// <summary>Clears the wrapper's error flag, so the next call's failure is its own.</summary>
    public static void ResetOk(nint device)
    {
        if (device != 0) ((Wrapper*)device)->Ok = 1;
    }

    [LibraryImport(Library, EntryPoint = "rtmidi_get_compiled_api")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetCompiledApi(int* apis, uint size);

    [LibraryImport(Library, EntryPoint = "rtmidi_api_name")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint ApiName(int api);

    [LibraryImport(Library, EntryPoint = "rtmidi_api_display_name")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint ApiDisplayName(int api);

    [LibraryImport(Library, EntryPoint = "rtmidi_open_port", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void OpenPort(nint device, uint portNumber, string portName);

    [LibraryImport(Library, EntryPoint = "rtmidi_open_virtual_port", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void OpenVirtualPort(nint device, string portName);

    [LibraryImport(Library, EntryPoint = "rtmidi_close_port")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void ClosePort(nint device);

    [LibraryImport(Library, EntryPoint = "rtmidi_get_port_count")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint GetPortCount(nint device);

    /// <summary>With <paramref name="buffer"/> null, writes the length needed (NUL included) to <paramref name="length"/>.</summary>
    [LibraryImport(Library, EntryPoint = "rtmidi_get_port_name")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetPortName(nint device, uint portNumber, byte* buffer, int* length);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_create", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint InCreate(int api, string clientName, uint queueSizeLimit);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void InFree(nint device);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_get_current_api")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int InGetCurrentApi(nint device);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_set_callback")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void InSetCallback(nint device, delegate* unmanaged[Cdecl]<double, byte*, nuint, nint, void> callback, nint userData);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_cancel_callback")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void InCancelCallback(nint device);

    [LibraryImport(Library, EntryPoint = "rtmidi_in_ignore_types")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void InIgnoreTypes(nint device, [MarshalAs(UnmanagedType.U1)] bool sysex, [MarshalAs(UnmanagedType.U1)] bool time, [MarshalAs(UnmanagedType.U1)] bool sense);

    [LibraryImport(Library, EntryPoint = "rtmidi_out_create", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint OutCreate(int api, string clientName);

    [LibraryImport(Library, EntryPoint = "rtmidi_out_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void OutFree(nint device);

    [LibraryImport(Library, EntryPoint = "rtmidi_out_get_current_api")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int OutGetCurrentApi(nint device);

    /// <summary>
    /// <c>rtmidi_out_send_message</c> (0 on success), called through its address rather than a generated stub:
    /// the JIT then puts the native call's transition into the caller, the player's clock thread, whose first
    /// send after a wait cost 1.0 µs through the stub and 0.75 µs this way (medians, 8 bars of a dense piece).
    /// The bytes go as a pointer: no managed allocation.
    /// </summary>
    public static delegate* unmanaged[Cdecl]<nint, byte*, int, int> OutSendMessage() =>
        (delegate* unmanaged[Cdecl]<nint, byte*, int, int>)RtMidiLibrary.RtMidiExport("rtmidi_out_send_message");
}
