using System.Runtime.InteropServices;

namespace SeqLang.Audio.FluidSynth;

/// <summary>
/// Keeps libasound's own error lines ("ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default", eight of
/// them on a machine without a sound card) off stderr when FluidSynth's ALSA driver fails to start: seq says why in
/// one line, with FluidSynth's reason. As <c>JackProbe</c> silences libjack, the handler is a native function, the
/// C library's <c>strlen</c> (reads the first argument, a file name; changes nothing), not a managed callback that
/// libasound could call while the process exits.
/// </summary>
internal static unsafe class AlsaLog
{
    private static bool _silenced;

    public static void Silence()
    {
        if (_silenced || !OperatingSystem.IsLinux()) return;
        _silenced = true;
        if (!NativeLibrary.TryLoad("libasound.so.2", out var alsa) || !NativeLibrary.TryGetExport(alsa, "snd_lib_error_set_handler", out var setHandler)) return;
        if (!NativeLibrary.TryLoad("libc.so.6", out var libc) || !NativeLibrary.TryGetExport(libc, "strlen", out var strlen)) return;
        ((delegate* unmanaged[Cdecl]<nint, int>)setHandler)(strlen);
    }
}
