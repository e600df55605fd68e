using System.Reflection;
using System.Runtime.InteropServices;

namespace SeqLang.Player.RtMidi;

/// <summary>
/// Finds the native RtMidi library (and libjack, for the JACK probe) under the names distributions give
/// them. Debian ships only the versioned <c>librtmidi.so.6</c> unless the -dev package is installed, so
/// the plain name <c>rtmidi</c> that P/Invoke would try is not enough. <c>SEQ_RTMIDI_LIBRARY</c> names a
/// file to use instead (and lets the tests pretend the library is missing).
/// </summary>
public static class RtMidiLibrary
{
    /// <summary>Environment variable naming the RtMidi library to load instead of the usual names.</summary>
    public const string OverrideVariable = "SEQ_RTMIDI_LIBRARY";

    private static readonly Lock Gate = new();
    private static bool _resolverInstalled;
    private static nint _rtmidi;
    private static nint _jack;
    private static bool _jackTried;

    /// <summary>Loads RtMidi or throws <see cref="MidiLibraryMissingException"/> saying how to install it.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            InstallResolver();
            if (_rtmidi != 0) return;
            foreach (var candidate in RtMidiCandidates())
            {
                if (NativeLibrary.TryLoad(candidate, out var handle))
                {
                    _rtmidi = handle;
                    return;
                }
            }
            throw new MidiLibraryMissingException(InstallHint());
        }
    }

    /// <summary>True when RtMidi can be loaded.</summary>
    public static bool IsAvailable()
    {
        try
        {
            EnsureLoaded();
            return true;
        }
        catch (MidiLibraryMissingException)
        {
            return false;
        }
    }

    /// <summary>The address of an exported function of the loaded RtMidi library, or 0.</summary>
    internal static nint RtMidiExport(string name)
    {
        EnsureLoaded();
        return NativeLibrary.TryGetExport(_rtmidi, name, out var address) ? address : 0;
    }

    /// <summary>libjack, or 0 when this system has none (then no JACK API can work either).</summary>
    internal static nint Jack()
    {
        lock (Gate)
        {
            InstallResolver();
            if (_jackTried) return _jack;
            _jackTried = true;
            string[] names = OperatingSystem.IsWindows() ? ["libjack64.dll", "libjack.dll"]
                : OperatingSystem.IsMacOS() ? ["libjack.0.dylib", "/opt/homebrew/lib/libjack.0.dylib", "/usr/local/lib/libjack.0.dylib"]
                : ["libjack.so.0", "libjack.so"];
            foreach (var name in names)
            {
                if (NativeLibrary.TryLoad(name, out var handle))
                {
                    _jack = handle;
                    break;
                }
            }
            return _jack;
        }
    }

    /// <summary>What to run to install RtMidi on this system, as one message.</summary>
    public static string InstallHint()
    {
        var tried = string.Join(", ", RtMidiCandidates());
        var how = OperatingSystem.IsMacOS() ? "install it with: brew install rtmidi"
            : OperatingSystem.IsWindows() ? "put rtmidi.dll (for example from 'vcpkg install rtmidi') next to seq or on PATH"
            : "install it with: sudo apt-get install librtmidi6 (Debian/Ubuntu); "
              + "sudo dnf install rtmidi (Fedora); sudo pacman -S rtmidi (Arch); sudo zypper install librtmidi6 (openSUSE)";
        return $"the RtMidi library is not installed (tried {tried}); {how}";
    }

    private static IEnumerable<string> RtMidiCandidates()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } path)
        {
            yield return path;
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return "rtmidi.dll";
            yield return "librtmidi.dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            foreach (var dir in new[] { "", "/opt/homebrew/lib/", "/usr/local/lib/" })
            {
                yield return dir + "librtmidi.7.dylib";
                yield return dir + "librtmidi.6.dylib";
                yield return dir + "librtmidi.dylib";
            }
        }
        else
        {
            // RtMidi 5 is .so.6, RtMidi 6 is .so.7; both have the C API bound here. RtMidi 4 (.so.5) does not.
            yield return "librtmidi.so.6";
            yield return "librtmidi.so.7";
            yield return "librtmidi.so";
        }
    }

    private static void InstallResolver()
    {
        if (_resolverInstalled) return;
        NativeLibrary.SetDllImportResolver(typeof(RtMidiLibrary).Assembly, Resolve);
        _resolverInstalled = true;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        RtMidiNative.Library => _rtmidi,
        JackProbe.Library => _jack,
        _ => 0,
    };
}

/// <summary>The native RtMidi library could not be loaded; the message says how to install it.</summary>
public sealed class MidiLibraryMissingException(string message) : Exception(message);

/// <summary>A MIDI system or port failed: no API initialises, a port is not there, a send failed.</summary>
public sealed class MidiDeviceException(string message) : Exception(message);
