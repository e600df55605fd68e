using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Audio.SndFile;

/// <summary>
/// The part of libsndfile's C API (<c>sndfile.h</c>, <c>libsndfile.so.1</c>, which FluidSynth itself links) that
/// writing FLAC and Ogg Vorbis needs, bound with source-generated P/Invoke.
/// </summary>
internal static unsafe partial class SndFileNative
{
    public const string Library = "sndfile";

    public const int ModeWrite = 0x20;
    public const int FormatFlac = 0x170000;
    public const int FormatOgg = 0x200000;
    public const int SubtypePcm16 = 0x0002;
    public const int SubtypeVorbis = 0x0060;
    public const int CommandSetVbrQuality = 0x1300;

    /// <summary><c>SF_INFO</c>: frames is a 64-bit <c>sf_count_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        public long Frames;
        public int SampleRate;
        public int Channels;
        public int Format;
        public int Sections;
        public int Seekable;
    }

    [LibraryImport(Library, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint Open(string path, int mode, Info* info);

    [LibraryImport(Library, EntryPoint = "sf_writef_short")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long WriteFramesShort(nint file, short* frames, long count);

    [LibraryImport(Library, EntryPoint = "sf_command")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Command(nint file, int command, void* data, int size);

    [LibraryImport(Library, EntryPoint = "sf_close")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Close(nint file);

    /// <summary>The last error, of <paramref name="file"/> or (0) of the last failed open.</summary>
    [LibraryImport(Library, EntryPoint = "sf_strerror")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint Error(nint file);
}
