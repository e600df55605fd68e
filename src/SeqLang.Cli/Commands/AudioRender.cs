using SeqLang.Audio;
using SeqLang.Cli.Output;
using SeqLang.Midi;

namespace SeqLang.Cli.Commands;

/// <summary><c>seq render FILE -o OUT.wav</c>: the rendered MIDI, played through FluidSynth into a file (SPEC §16).</summary>
internal static class AudioRender
{
    /// <summary>The audio format an output name asks for, or null for MIDI (any other name, or none).</summary>
    public static AudioFormat? FormatOf(string? output) => Path.GetExtension(output ?? "").ToLowerInvariant() switch
    {
        ".wav" or ".wave" => AudioFormat.Wav,
        ".flac" => AudioFormat.Flac,
        ".ogg" or ".oga" => AudioFormat.Ogg,
        _ => null,
    };

    /// <summary>Audio names we do not write (rather than writing MIDI under them).</summary>
    public static bool IsUnsupportedAudio(string? output) =>
        Path.GetExtension(output ?? "").ToLowerInvariant() is ".mp3" or ".aif" or ".aiff" or ".opus" or ".m4a";

    /// <summary>
    /// The SoundFont to use, with the library loaded; null after saying what is missing (exit 3). Asked before the
    /// MIDI is rendered, so that a machine without FluidSynth does not wait for an hour of music first; and by
    /// <c>seq play --synth</c>, which finds the same default SoundFont.
    /// </summary>
    public static string? Prepare(string? soundFont, CliConsole console, string command = "seq")
    {
        try
        {
            AudioRenderer.EnsureLibrary();
            return AudioRenderer.ResolveSoundFont(soundFont);
        }
        catch (AudioSetupException e)
        {
            console.Error.WriteLine($"{command}: {e.Message}");
            return null;
        }
    }

    public static int Write(string target, AudioFormat format, MidiFileContent content, string font, bool quiet, CliConsole console)
    {
        try
        {
            if (format == AudioFormat.Wav)
            {
                AtomicFileWriter.Write(target, stream =>
                {
                    // Not disposed: that would close the file before the writer flushes it to disk.
                    var buffered = new BufferedStream(stream, 1 << 16);
                    AudioRenderer.WriteWav(content, font, buffered);
                    buffered.Flush();
                });
            }
            else
            {
                WriteThroughLibrary(target, format, content, font);
            }
            if (!quiet)
                console.Error.WriteLine($"wrote {target}: {content.Duration().TotalSeconds:0.0} s of music and {AudioRenderer.Tail.TotalSeconds:0} s of release, "
                    + $"{content.NoteCount()} notes, {Describe(format)} stereo {AudioRenderer.SampleRate} Hz, SoundFont {font}");
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

    private static string Describe(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "16-bit WAV",
        AudioFormat.Flac => "16-bit FLAC",
        _ => "Ogg Vorbis",
    };

    /// <summary>
    /// libsndfile writes to a path: a hidden temporary one beside the target, renamed over it at the end, so that a
    /// failed render leaves no partial file (as <see cref="AtomicFileWriter"/> does for streams).
    /// </summary>
    private static void WriteThroughLibrary(string target, AudioFormat format, MidiFileContent content, string font)
    {
        var full = Path.GetFullPath(target);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            AudioRenderer.WriteSndFile(content, font, temporary, format);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
