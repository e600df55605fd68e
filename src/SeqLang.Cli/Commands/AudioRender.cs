using SeqLang.Audio;
using SeqLang.Cli.Output;
using SeqLang.Midi;

namespace SeqLang.Cli.Commands;

/// <summary><c>seq render FILE -o OUT.wav</c>: the rendered MIDI, played through FluidSynth into a file (SPEC §16).</summary>
internal static class AudioRender
{
    /// <summary>True for an audio output name, false for MIDI (any other name, or none), null for audio we cannot write.</summary>
    public static bool? IsAudio(string? output) => Path.GetExtension(output ?? "").ToLowerInvariant() switch
    {
        ".wav" or ".wave" => true,
        ".flac" or ".ogg" or ".oga" or ".mp3" or ".aif" or ".aiff" => null,
        _ => false,
    };

    /// <summary>
    /// The SoundFont to use, with the library loaded; null after saying what is missing (exit 3). Asked before the
    /// MIDI is rendered, so that a machine without FluidSynth does not wait for an hour of music first.
    /// </summary>
    public static string? Prepare(string? soundFont, CliConsole console)
    {
        try
        {
            AudioRenderer.EnsureLibrary();
            return AudioRenderer.ResolveSoundFont(soundFont);
        }
        catch (AudioSetupException e)
        {
            console.Error.WriteLine($"seq: {e.Message}");
            return null;
        }
    }

    public static int Write(string target, MidiFileContent content, string font, bool quiet, CliConsole console)
    {
        try
        {
            AtomicFileWriter.Write(target, stream =>
            {
                // Not disposed: that would close the file before the writer flushes it to disk.
                var buffered = new BufferedStream(stream, 1 << 16);
                AudioRenderer.WriteWav(content, font, buffered);
                buffered.Flush();
            });
            if (!quiet)
                console.Error.WriteLine($"wrote {target}: {content.Duration().TotalSeconds:0.0} s of music and {AudioRenderer.Tail.TotalSeconds:0} s of release, "
                    + $"{content.NoteCount()} notes, 16-bit stereo {AudioRenderer.SampleRate} Hz, SoundFont {font}");
            return ExitCodes.Success;
        }
        catch (AudioSetupException e)
        {
            console.Error.WriteLine($"seq: {e.Message}");
            return ExitCodes.IoError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"seq: cannot write '{target}': {SourceFile.Describe(e)}");
            return ExitCodes.IoError;
        }
    }
}
