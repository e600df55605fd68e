using System.Diagnostics;
using SeqLang.Audio;
using SeqLang.Cli;
using SeqLang.Cli.Output;
using SeqLang.Cli.Tests.Support;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// <c>seq play --synth</c> given what cannot work: one line saying why, the CLI's exit codes (2 for a usage mistake, 3
/// for what is missing or fails on this machine, as <c>seq render -o X.wav</c>), never a crash. Those that need a
/// controlled environment (no FluidSynth, no JACK server, an unreachable sound server) run seq as a child process.
/// </summary>
public sealed class SynthCliTests
{
    private const string A4 = "title \"A\"\ntempo 120\ntrack piano channel 1 {\n  play \"a4\"\n}\n";

    private static string Piece()
    {
        var path = Repository.TempFile("a4.seq");
        File.WriteAllText(path, A4);
        return path;
    }

    [Fact]
    public void A_missing_SoundFont_is_exit_3_naming_it()
    {
        var (code, _, error) = Seq("play", Piece(), "--synth", "/nonexistent.sf2", "--bars", "1");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains("seq play: the SoundFont '/nonexistent.sf2' does not exist", error);
        NoCrash(error);
    }

    [Fact]
    public void A_file_that_is_not_a_SoundFont_is_exit_3()
    {
        var bogus = Repository.TempFile("bogus.sf2");
        File.WriteAllText(bogus, "not a soundfont");
        var (code, _, error) = Seq("play", Piece(), "--synth", bogus, "--bars", "1");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains("cannot read the SoundFont", error);
        NoCrash(error);
    }

    [Fact]
    public void An_audio_driver_FluidSynth_does_not_have_is_a_usage_error_listing_those_it_has()
    {
        var (code, _, error) = Seq("play", Piece(), "--synth", "--audio", "nosuchdriver", "--bars", "1");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown --audio 'nosuchdriver'; this FluidSynth has: ", error);
        Assert.Contains("jack", error);
        NoCrash(error);
    }

    [Theory]
    [InlineData("--audio chooses the synth's audio output: give --synth too", "--audio", "jack")]
    [InlineData("--synth plays instead of a MIDI port", "--synth", "--port", "x")]
    [InlineData("--synth plays instead of a MIDI port", "--virtual", "x", "--synth")]
    [InlineData("--clock-out sends MIDI clock to a MIDI port", "--synth", "--clock-out")]
    public void Options_that_do_not_go_with_the_synth_are_usage_errors(string message, params string[] options)
    {
        var (code, _, error) = Seq(["play", Piece(), "--bars", "1", .. options]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_missing_FluidSynth_library_is_exit_3_naming_the_package()
    {
        var result = Child(["play", Piece(), "--synth", "--bars", "1"], new() { [Audio.FluidSynth.FluidSynthLibrary.OverrideVariable] = "/nonexistent/libfluidsynth.so" });
        Assert.Equal(ExitCodes.IoError, result.Code);
        Assert.Contains("apt-get install libfluidsynth3 fluid-soundfont-gm", result.Error);
        NoCrash(result.Error);
    }

    [Fact]
    public void The_jack_driver_without_a_JACK_server_is_exit_3_and_starts_none()
    {
        var result = Child(["play", Piece(), "--synth", "--audio", "jack", "--bars", "1"],
            new() { ["JACK_DEFAULT_SERVER"] = $"seqlang-none-{Environment.ProcessId}", ["JACK_NO_START_SERVER"] = "1" });
        Assert.Equal(ExitCodes.IoError, result.Code);
        Assert.Contains("seq play: the audio driver 'jack' needs a running JACK server", result.Error);
        NoCrash(result.Error);
    }

    [Fact]
    public void An_audio_driver_that_fails_to_start_is_exit_3_with_FluidSynths_reason()
    {
        // PulseAudio pointed at a socket that does not exist: the driver's start fails on any machine.
        Assert.Contains("pulseaudio", LiveSynth.AvailableDrivers());
        var result = Child(["play", Piece(), "--synth", "--audio", "pulseaudio", "--bars", "1"],
            new() { ["PULSE_SERVER"] = "unix:/nonexistent/pulse/native", ["PULSE_RUNTIME_PATH"] = "/nonexistent/pulse" });
        Assert.Equal(ExitCodes.IoError, result.Code);
        Assert.Contains("seq play: the audio driver 'pulseaudio' did not start (FluidSynth: ", result.Error);
        NoCrash(result.Error);
    }

    [Fact]
    public void ALSA_failing_to_start_is_one_line_without_libasounds_own()
    {
        // An ALSA configuration that does not exist: the driver fails on any machine, and libasound has its say.
        var result = Child(["play", Piece(), "--synth", "--audio", "alsa", "--bars", "1"], new() { ["ALSA_CONFIG_PATH"] = "/nonexistent/alsa.conf" });
        Assert.Equal(ExitCodes.IoError, result.Code);
        Assert.Contains("seq play: the audio driver 'alsa' did not start (FluidSynth: ", result.Error);
        Assert.DoesNotContain("ALSA lib", result.Error);
        NoCrash(result.Error);
    }

    private static void NoCrash(string error)
    {
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static (int Code, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Error) Child(string[] args, Dictionary<string, string> environment)
    {
        var start = SeqUnderTest.StartInfo(args, SeqUnderTest.RunsNative);
        start.RedirectStandardInput = true;
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("seq did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"seq {string.Join(' ', args)} did not exit within a minute: {error.Result}");
        }
        return (process.ExitCode, error.Result);
    }
}
