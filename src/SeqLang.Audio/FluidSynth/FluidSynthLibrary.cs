using System.Reflection;
using System.Runtime.InteropServices;

namespace SeqLang.Audio.FluidSynth;

/// <summary>
/// Finds libfluidsynth under the names distributions give it. Debian ships only the versioned
/// <c>libfluidsynth.so.3</c> unless the -dev package is installed, so the plain name P/Invoke would try is
/// not enough. <c>SEQ_FLUIDSYNTH_LIBRARY</c> names a file to use instead (and lets the tests pretend the
/// library is missing).
/// </summary>
public static class FluidSynthLibrary
{
    /// <summary>Environment variable naming the FluidSynth library to load instead of the usual names.</summary>
    public const string OverrideVariable = "SEQ_FLUIDSYNTH_LIBRARY";

    private static readonly Lock Gate = new();
    private static bool _resolverInstalled;
    private static nint _handle;
    private static nint _sndfile;
    private static bool _sndfileTried;

    /// <summary>Loads FluidSynth or throws <see cref="AudioSetupException"/> saying how to install it.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (!_resolverInstalled)
            {
                NativeLibrary.SetDllImportResolver(typeof(FluidSynthLibrary).Assembly, Resolve);
                _resolverInstalled = true;
            }
            if (_handle != 0) return;
            foreach (var candidate in Candidates())
            {
                if (NativeLibrary.TryLoad(candidate, out var handle))
                {
                    _handle = handle;
                    return;
                }
            }
            throw new AudioSetupException(InstallHint());
        }
    }

    /// <summary>libsndfile (FLAC and Ogg output), or 0 when it is not there.</summary>
    internal static nint SndFileHandle()
    {
        lock (Gate)
        {
            if (_sndfileTried) return _sndfile;
            _sndfileTried = true;
            string[] names = OperatingSystem.IsWindows() ? ["sndfile.dll", "libsndfile-1.dll"]
                : OperatingSystem.IsMacOS() ? ["libsndfile.1.dylib", "/opt/homebrew/lib/libsndfile.1.dylib", "/usr/local/lib/libsndfile.1.dylib"]
                : ["libsndfile.so.1", "libsndfile.so"];
            foreach (var name in names)
                if (NativeLibrary.TryLoad(name, out _sndfile)) break;
            return _sndfile;
        }
    }

    /// <summary>What to run to install FluidSynth and a General MIDI SoundFont, as one message.</summary>
    public static string InstallHint()
    {
        var tried = string.Join(", ", Candidates());
        var how = OperatingSystem.IsMacOS() ? "install it with: brew install fluid-synth"
            : OperatingSystem.IsWindows() ? "put libfluidsynth-3.dll next to seq or on PATH"
            : "install it with: sudo apt-get install libfluidsynth3 fluid-soundfont-gm (Debian/Ubuntu); "
              + "sudo dnf install fluidsynth-libs fluid-soundfont-gm (Fedora); sudo pacman -S fluidsynth soundfont-fluid (Arch)";
        return $"the FluidSynth library is not installed (tried {tried}); {how}";
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } path)
        {
            yield return path;
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return "libfluidsynth-3.dll";
            yield return "fluidsynth.dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            foreach (var dir in new[] { "", "/opt/homebrew/lib/", "/usr/local/lib/" })
            {
                yield return dir + "libfluidsynth.3.dylib";
                yield return dir + "libfluidsynth.dylib";
            }
        }
        else
        {
            // FluidSynth 2.x is soname 3 (2.0 to 2.4); the API bound here is the same throughout.
            yield return "libfluidsynth.so.3";
            yield return "libfluidsynth.so";
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        FluidSynthNative.Library => _handle,
        SeqLang.Audio.SndFile.SndFileNative.Library => _sndfile,
        _ => 0,
    };
}
