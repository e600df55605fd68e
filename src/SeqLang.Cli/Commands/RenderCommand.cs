using System.CommandLine;
using SeqLang.Cli.Output;
using SeqLang.Audio;
using SeqLang.Compiler;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Midi;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq render FILE [-o OUT.mid|OUT.wav|OUT.flac|OUT.ogg] [--soundfont SF2] [--bars N] [--from BAR] [--seed N] [--ppq N] [--quiet]</c>
/// (SPEC §8, §16): an audio output is the same MIDI played through FluidSynth.
/// </summary>
public static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the .seq file" };
        var output = new Option<string?>("--output", "-o") { Description = "where to write the MIDI file (default: FILE with .mid); a .wav, .flac or .ogg name writes audio through FluidSynth" };
        var soundFont = new Option<string?>("--soundfont") { Description = "the SoundFont (.sf2) for audio output (default: the system's General MIDI SoundFont)" };
        var bars = new Option<long?>("--bars") { Description = "how many bars to render (default: to the form's end, else 60 minutes)" };
        var from = new Option<long>("--from") { Description = "the first bar to render; it lands at the file's start", DefaultValueFactory = _ => 0 };
        var seed = new Option<long?>("--seed") { Description = "override the file's seed" };
        var ppq = new Option<int>("--ppq") { Description = "ticks per quarter note", DefaultValueFactory = _ => TickConverter.DefaultPpq };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but diagnostics (no summary line)" };
        var command = new Command("render", "Render a .seq file to a Standard MIDI File.") { file, output, soundFont, bars, from, seed, ppq, quiet };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(bars), parse.GetValue(from), parse.GetValue(seed), parse.GetValue(ppq),
            parse.GetValue(soundFont), parse.GetValue(quiet), console));
        return command;
    }

    private static int Run(string path, string? output, long? bars, long from, long? seed, int ppq, string? soundFont, bool quiet, CliConsole console)
    {
        if (bars is < 1 or > 10_000_000) return Usage(console, "--bars must be 1 to 10000000");
        if (from is < 0 or > 10_000_000) return Usage(console, "--from must be 0 to 10000000");
        if (ppq is < 1 or > TickConverter.MaxPpq) return Usage(console, $"--ppq must be 1 to {TickConverter.MaxPpq}");
        if (AudioRender.IsUnsupportedAudio(output)) return Usage(console, $"cannot write audio as '{Path.GetExtension(output)}': write .wav, .flac or .ogg");
        var audio = AudioRender.FormatOf(output);
        if (audio is null && soundFont is not null) return Usage(console, "--soundfont is for audio output (-o OUT.wav, .flac or .ogg)");
        var font = audio is not null ? AudioRender.Prepare(soundFont, console) : null;
        if (audio is not null && font is null) return ExitCodes.IoError;

        var loaded = SourceFile.Compile(path, new CompileOptions(seed), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;

        var diagnostics = new DiagnosticBag();
        var length = bars ?? RenderLength.Default(piece, from, diagnostics);
        if (length is null) return Usage(console, $"--from {from} is past the piece's end: its form ends after bar {piece.Form.EndBar - 1}");
        var content = PieceRenderer.Render(piece, from, length.Value, ppq, diagnostics);
        DiagnosticPrinter.PrintText(console.Error, loaded.Compilation.Source, diagnostics.Sorted());
        if (content is null) return ExitCodes.InputErrors;

        var target = output ?? Path.ChangeExtension(path, ".mid");
        if (audio is { } format && font is not null) return AudioRender.Write(target, format, content, font, quiet, console);
        try
        {
            SmfWriter.WriteFile(target, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"seq: cannot write '{target}': {SourceFile.Describe(e)}");
            return ExitCodes.IoError;
        }
        if (!quiet) console.Error.WriteLine(RenderSummary.Describe(target, content));
        return ExitCodes.Success;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq render: {message}");
        return ExitCodes.Usage;
    }
}
