using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SeqLang.Audio.FluidSynth;

/// <summary>
/// FluidSynth's panics, errors and warnings while a live synth starts, kept to say why it failed ("Failed to connect
/// to Jack server.") in seq's own one-line message instead of FluidSynth's lines on stderr before it. Info and debug
/// messages are silenced for good (FluidSynth prints them on stdout, which may be a pipe the user reads). On dispose
/// the previous handlers are back: what FluidSynth reports while playing (a lost JACK server) still reaches stderr.
/// Set up and taken down on the main thread; the audio thread may log meanwhile, hence the lock.
/// </summary>
internal sealed unsafe class LogCapture : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly StringBuilder Text = new();
    private readonly nint[] _previous = new nint[FluidSynthNative.LogWarning + 1];

    private LogCapture()
    {
    }

    public static LogCapture Begin()
    {
        var capture = new LogCapture();
        FluidSynthNative.SetLogFunction(FluidSynthNative.LogInfo, 0, 0);
        FluidSynthNative.SetLogFunction(FluidSynthNative.LogDebug, 0, 0);
        delegate* unmanaged[Cdecl]<int, byte*, nint, void> handler = &Capture;
        for (var level = FluidSynthNative.LogPanic; level <= FluidSynthNative.LogWarning; level++)
            capture._previous[level] = FluidSynthNative.SetLogFunction(level, (nint)handler, 0);
        capture.Clear();
        return capture;
    }

    public void Clear()
    {
        lock (Gate) Text.Clear();
    }

    /// <summary>What FluidSynth said since the last <see cref="Clear"/>, as <c> (FluidSynth: ...)</c>; empty when nothing.</summary>
    public string Said()
    {
        lock (Gate) return Text.Length == 0 ? "" : $" (FluidSynth: {Text.ToString().Trim()})";
    }

    public void Dispose()
    {
        for (var level = FluidSynthNative.LogPanic; level <= FluidSynthNative.LogWarning; level++)
            FluidSynthNative.SetLogFunction(level, _previous[level], 0);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Capture(int level, byte* message, nint data)
    {
        var text = Marshal.PtrToStringUTF8((nint)message);
        if (string.IsNullOrWhiteSpace(text)) return;
        lock (Gate)
        {
            if (Text.Length > 0) Text.Append(' ');
            Text.Append(text.Trim());
        }
    }
}
