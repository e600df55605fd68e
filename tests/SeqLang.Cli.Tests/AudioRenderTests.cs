using System.Diagnostics;
using System.Text.Json;
using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// <c>seq render FILE -o OUT.wav</c> (SPEC §16) through FluidSynth. The audio is judged by an independent reader
/// (tests/tools/audio_check.py: Python's wave module, numpy and mido), never by our own code; the tests need
/// libfluidsynth3, fluid-soundfont-gm and python3-numpy (scripts/install-test-deps.sh installs them).
/// </summary>
public class AudioRenderTests
{

    // Tempo 60 in 4/4: a bar is 4 s. A chord in bar 0, nothing in bar 1, four notes in bar 2.
    private const string Gap = "title \"gap\"\ntempo 60\nmeter 4/4\ntrack piano channel 1 {\n  chord \"<[c4,e4,g4] ~ [d4 f4 a4 c5]>\"\n}\n";

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Render(string source, string output, params string[] more)
    {
        var result = SeqRun.Run(["render", source, "-o", output, "-q", .. more]);
        Assert.True(result.ExitCode == 0, $"seq render -o {Path.GetFileName(output)} exited {result.ExitCode}: {result.Error}");
        return output;
    }

    [Fact]
    public void The_same_input_gives_the_same_audio_bytes()
    {
        var folder = SeqRun.TempDirectory();
        var source = Path.Combine(Repository.Examples, "demo.seq");
        var first = File.ReadAllBytes(Render(source, Path.Combine(folder, "a.wav"), "--bars", "8"));
        var second = File.ReadAllBytes(Render(source, Path.Combine(folder, "b.wav"), "--bars", "8"));
        Assert.True(first.Length > 44 + 8 * 2 * 44100 * 4, $"8 bars of the demo gave only {first.Length} bytes");
        Assert.True(first.AsSpan().SequenceEqual(second), "two renders of the same file differ");
    }

    [Fact]
    public void Is_a_16_bit_stereo_44100_Hz_WAV_as_long_as_the_MIDI_plus_a_two_second_tail()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var wav = File.ReadAllBytes(Render(source, Path.Combine(folder, "gap.wav"), "--bars", "3"));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVEfmt ", System.Text.Encoding.ASCII.GetString(wav, 8, 8));
        Assert.Equal(1, BitConverter.ToInt16(wav, 20));       // PCM
        Assert.Equal(2, BitConverter.ToInt16(wav, 22));       // stereo
        Assert.Equal(44100, BitConverter.ToInt32(wav, 24));
        Assert.Equal(16, BitConverter.ToInt16(wav, 34));
        // 3 bars of 4 s, then 2 s: 14 s of frames of 4 bytes.
        Assert.Equal(14 * 44100 * 4, BitConverter.ToInt32(wav, 40));
        Assert.Equal(44 + 14 * 44100 * 4, wav.Length);
    }

    [Fact]
    public void Is_silent_where_the_MIDI_sounds_no_note_after_the_release()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var wav = Render(source, Path.Combine(folder, "gap.wav"), "--bars", "3");
        var mid = Render(source, Path.Combine(folder, "gap.mid"), "--bars", "3");
        // 1.5 s after a note-off for the piano's release and the reverb; the rest must be digital silence or nearly.
        var check = Check("silence", wav, mid, "1.5");
        var windows = check.GetProperty("silentWindows");
        Assert.True(check.GetProperty("notes").GetInt32() == 7, $"mido read {check}");
        Assert.True(check.GetProperty("silentSeconds").GetDouble() >= 2.5, $"no silent window long enough to judge: {check}");
        Assert.True(check.GetProperty("maxInSilence").GetDouble() < 1e-3, $"sound where the MIDI has no note: {check}");
        Assert.True(check.GetProperty("maxElsewhere").GetDouble() > 0.05, $"the notes are (nearly) silent: {check}");
        Assert.True(windows.GetArrayLength() >= 1);
    }

    [Fact]
    public void A_held_a4_on_the_General_MIDI_piano_peaks_within_2_percent_of_440_Hz()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "a4.seq", "tempo 60\nmeter 4/4\ntrack piano channel 1 {\n  lead \"a4\"\n}\n");
        var wav = Render(source, Path.Combine(folder, "a4.wav"), "--bars", "1");
        var check = Check("peak", wav, "0.2", "3.8");
        var hz = check.GetProperty("peakHz").GetDouble();
        Assert.True(Math.Abs(hz - 440) <= 440 * 0.02, $"strongest partial at {hz} Hz: {check}");
    }

    [Fact]
    public void A_missing_SoundFont_is_exit_3_naming_it()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var output = Path.Combine(folder, "gap.wav");
        var result = SeqRun.Run("render", source, "-o", output, "--soundfont", Path.Combine(folder, "none.sf2"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("none.sf2", result.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_file_that_is_not_a_SoundFont_is_exit_3()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var bogus = Write(folder, "bogus.sf2", "not a soundfont");
        var result = SeqRun.Run("render", source, "-o", Path.Combine(folder, "gap.wav"), "--soundfont", bogus);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot read the SoundFont", result.Error);
    }

    [Fact]
    public void A_missing_FluidSynth_library_is_exit_3_naming_the_package()
    {
        // In a child process: the library, once loaded in this one, stays loaded.
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var start = SeqUnderTest.StartInfo(["render", source, "-o", Path.Combine(folder, "gap.wav")], SeqUnderTest.RunsNative);
        start.Environment["SEQ_FLUIDSYNTH_LIBRARY"] = Path.Combine(folder, "libfluidsynth-none.so");
        using var process = Process.Start(start)!;
        // Both are a line or two, far below a pipe's buffer: read one after the other.
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Equal(3, process.ExitCode);
        Assert.Contains("apt-get install libfluidsynth3 fluid-soundfont-gm", error);
    }

    [Fact]
    public void Soundfont_without_audio_output_is_a_usage_error_and_MP3_is_refused_saying_so()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        Assert.Equal(2, SeqRun.Run("render", source, "-o", Path.Combine(folder, "gap.mid"), "--soundfont", "x.sf2").ExitCode);
        var mp3 = SeqRun.Run("render", source, "-o", Path.Combine(folder, "gap.mp3"));
        Assert.Equal(2, mp3.ExitCode);
        Assert.Contains("write .wav, .flac or .ogg", mp3.Error);
        Assert.False(File.Exists(Path.Combine(folder, "gap.mp3")));
    }

    [Fact]
    public void FLAC_is_the_same_bytes_twice_and_decodes_to_exactly_the_WAV_samples()
    {
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var wav = File.ReadAllBytes(Render(source, Path.Combine(folder, "gap.wav"), "--bars", "3"));
        var flac = Render(source, Path.Combine(folder, "a.flac"), "--bars", "3");
        var again = Render(source, Path.Combine(folder, "b.flac"), "--bars", "3");
        Assert.True(File.ReadAllBytes(flac).AsSpan().SequenceEqual(File.ReadAllBytes(again)), "two FLAC renders differ");
        Assert.Equal("fLaC", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(flac), 0, 4));
        var decoded = SoxDecode(flac);
        Assert.True(wav.AsSpan(44).SequenceEqual(decoded), $"sox decodes the FLAC to {decoded.Length} bytes, not the WAV's {wav.Length - 44} bytes of samples");
    }

    [Fact]
    public void Ogg_Vorbis_is_the_same_bytes_twice_and_decodes_to_audio_as_long_as_the_WAV()
    {
        // libsndfile gives each Ogg stream a random serial number; seq replaces it (and the pages' CRCs) with a
        // fixed one. sox (libogg) checks every page's CRC as it decodes.
        var folder = SeqRun.TempDirectory();
        var source = Write(folder, "gap.seq", Gap);
        var first = Render(source, Path.Combine(folder, "a.ogg"), "--bars", "3");
        var second = Render(source, Path.Combine(folder, "b.ogg"), "--bars", "3");
        Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)), "two Ogg renders differ");
        var decoded = SoxDecode(first);
        Assert.Equal(14 * 44100 * 4, decoded.Length);
        Assert.Contains(decoded, b => b != 0);
    }

    /// <summary>16-bit little-endian stereo samples as sox (an independent decoder) reads the file.</summary>
    private static byte[] SoxDecode(string path)
    {
        var raw = path + ".raw";
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true, UseShellExecute = false, ArgumentList = { path, "-t", "raw", "-e", "signed", "-b", "16", "-L", raw } };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("sox is missing; install it with apt-get install sox libsox-fmt-base");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "sox did not finish");
            Assert.True(process.ExitCode == 0, $"sox could not decode {path}: {error}");
        }
        return File.ReadAllBytes(raw);
    }

    private static JsonElement Check(params string[] args) => AudioCheck.Run(Repository.Root, args);
}
