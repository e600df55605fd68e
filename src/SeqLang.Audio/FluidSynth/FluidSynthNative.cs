using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Audio.FluidSynth;

/// <summary>
/// The part of FluidSynth 2's C API (<c>fluidsynth.h</c>, <c>libfluidsynth.so.3</c>) that offline rendering
/// and live playback through an audio driver need, bound with source-generated P/Invoke (no reflection: the native seq is AOT-compiled). Call
/// <see cref="FluidSynthLibrary.EnsureLoaded"/> first: it finds the library under its versioned name.
/// </summary>
internal static unsafe partial class FluidSynthNative
{
    public const string Library = "fluidsynth";

    /// <summary>FLUID_OK and FLUID_FAILED.</summary>
    public const int Ok = 0;
    public const int Failed = -1;

    [LibraryImport(Library, EntryPoint = "new_fluid_settings")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint NewSettings();

    [LibraryImport(Library, EntryPoint = "delete_fluid_settings")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DeleteSettings(nint settings);

    [LibraryImport(Library, EntryPoint = "fluid_settings_setnum", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SetNum(nint settings, string name, double value);

    [LibraryImport(Library, EntryPoint = "fluid_settings_setint", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SetInt(nint settings, string name, int value);

    [LibraryImport(Library, EntryPoint = "fluid_settings_setstr", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SetStr(nint settings, string name, string value);

    [LibraryImport(Library, EntryPoint = "fluid_settings_getint", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetInt(nint settings, string name, out int value);

    [LibraryImport(Library, EntryPoint = "fluid_settings_getnum", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetNum(nint settings, string name, out double value);

    /// <summary>The options of a string setting joined by <paramref name="separator"/> (null: ", "), newly allocated: free with <see cref="Free"/>.</summary>
    [LibraryImport(Library, EntryPoint = "fluid_settings_option_concat", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint OptionConcat(nint settings, string name, string? separator);

    /// <summary>The default of a string setting (owned by the settings: not freed).</summary>
    [LibraryImport(Library, EntryPoint = "fluid_settings_getstr_default", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int GetStrDefault(nint settings, string name, out nint value);

    [LibraryImport(Library, EntryPoint = "fluid_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void Free(nint pointer);

    /// <summary>Starts the audio driver named by the settings' <c>audio.driver</c>, rendering <paramref name="synth"/> on its own thread; 0 on failure.</summary>
    [LibraryImport(Library, EntryPoint = "new_fluid_audio_driver")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint NewAudioDriver(nint settings, nint synth);

    [LibraryImport(Library, EntryPoint = "delete_fluid_audio_driver")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DeleteAudioDriver(nint driver);

    [LibraryImport(Library, EntryPoint = "fluid_synth_get_active_voice_count")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ActiveVoiceCount(nint synth);

    [LibraryImport(Library, EntryPoint = "fluid_synth_all_sounds_off")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int AllSoundsOff(nint synth, int channel);

    [LibraryImport(Library, EntryPoint = "new_fluid_synth")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint NewSynth(nint settings);

    [LibraryImport(Library, EntryPoint = "delete_fluid_synth")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void DeleteSynth(nint synth);

    /// <summary>The SoundFont's id, or <see cref="Failed"/>.</summary>
    [LibraryImport(Library, EntryPoint = "fluid_synth_sfload", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SoundFontLoad(nint synth, string path, int resetPresets);

    [LibraryImport(Library, EntryPoint = "fluid_synth_noteon")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int NoteOn(nint synth, int channel, int key, int velocity);

    [LibraryImport(Library, EntryPoint = "fluid_synth_noteoff")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int NoteOff(nint synth, int channel, int key);

    [LibraryImport(Library, EntryPoint = "fluid_synth_cc")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ControlChange(nint synth, int channel, int controller, int value);

    [LibraryImport(Library, EntryPoint = "fluid_synth_program_change")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ProgramChange(nint synth, int channel, int program);

    /// <summary><paramref name="value"/> is 0..16383, 8192 centre.</summary>
    [LibraryImport(Library, EntryPoint = "fluid_synth_pitch_bend")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int PitchBend(nint synth, int channel, int value);

    [LibraryImport(Library, EntryPoint = "fluid_synth_channel_pressure")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ChannelPressure(nint synth, int channel, int value);

    [LibraryImport(Library, EntryPoint = "fluid_synth_key_pressure")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int KeyPressure(nint synth, int channel, int key, int value);

    /// <summary>
    /// Renders <paramref name="frames"/> frames of float audio: left samples to <paramref name="left"/> from
    /// <paramref name="leftOffset"/> every <paramref name="leftStride"/>, right likewise (interleaved: same buffer,
    /// offsets 0 and 1, strides 2). No dithering, unlike <c>fluid_synth_write_s16</c>.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "fluid_synth_write_float")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int WriteFloat(nint synth, int frames, float* left, int leftOffset, int leftStride, float* right, int rightOffset, int rightStride);

    /// <summary>Sets (or with a null function, silences) the handler of one log level (0 panic .. 4 debug); returns the previous handler.</summary>
    [LibraryImport(Library, EntryPoint = "fluid_set_log_function")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SetLogFunction(int level, nint function, nint data);

    /// <summary>The log levels: FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG.</summary>
    public const int LogPanic = 0, LogError = 1, LogWarning = 2, LogInfo = 3, LogDebug = 4;
}
