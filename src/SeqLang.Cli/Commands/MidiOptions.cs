using System.CommandLine;
using SeqLang.Cli.Output;
using SeqLang.Player.RtMidi;

namespace SeqLang.Cli.Commands;

/// <summary>What the MIDI commands (<c>play</c>, <c>ports</c>) share: the <c>--api</c> option and turning MIDI failures into exit code 3.</summary>
public static class MidiOptions
{
    public static Option<string?> Api() => new("--api")
    {
        Description = "the RtMidi API: " + string.Join(", ", MidiApiNames.All) + " (default: the first that works)",
    };

    public static bool TryParseApi(string? name, CliConsole console, string command, out MidiApi api)
    {
        api = MidiApi.Unspecified;
        if (name is null) return true;
        if (MidiApiNames.TryParse(name, out api)) return true;
        console.Error.WriteLine($"seq {command}: unknown --api '{name}'; use one of: {string.Join(", ", MidiApiNames.All)}");
        return false;
    }

    /// <summary>Runs <paramref name="body"/>; a missing RtMidi library or a failing MIDI system is exit code 3 with one line saying what to do.</summary>
    public static int Guard(CliConsole console, string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (MidiLibraryMissingException e)
        {
            console.Error.WriteLine($"seq {command}: {e.Message}");
            return ExitCodes.IoError;
        }
        catch (MidiDeviceException e)
        {
            console.Error.WriteLine($"seq {command}: {e.Message}");
            return ExitCodes.IoError;
        }
    }
}
