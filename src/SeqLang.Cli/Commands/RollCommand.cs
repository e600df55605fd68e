using System.CommandLine;
using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;
using SeqLang.Roll;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq roll FILE [-o OUT.svg|OUT.png] [--bars A:B] [--seed N] [--quiet]</c> (SPEC §16): a piano roll of what the
/// rendered file plays, one lane per track, with the form's sections and the chords in force along the top.
/// </summary>
public static class RollCommand
{
    /// <summary>The most bars one picture holds (at 128 pixels a 4/4 bar, already 130,000 pixels wide).</summary>
    public const long MaxBars = 1024;

    /// <summary>Without <c>--bars</c>: the whole form when it ends within this many bars, else this many from bar 0.</summary>
    public const long DefaultBars = 64;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the .seq file" };
        var output = new Option<string?>("--output", "-o") { Description = "where to write the picture, .svg or .png (default: FILE with .svg)" };
        var bars = new Option<string?>("--bars") { Description = $"bars A:B (half-open, from 0) or N for 0:N; default the whole form, at most {DefaultBars} bars" };
        var seed = new Option<long?>("--seed") { Description = "override the file's seed" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but diagnostics (no summary line)" };
        var command = new Command("roll", "Draw a piano roll of a .seq file as SVG or PNG.") { file, output, bars, seed, quiet };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(bars), parse.GetValue(seed), parse.GetValue(quiet), console));
        return command;
    }

    private static int Run(string path, string? output, string? barsText, long? seed, bool quiet, CliConsole console)
    {
        var target = output ?? Path.ChangeExtension(path, ".svg");
        var png = target.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
        if (!png && !target.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            return Usage(console, $"cannot tell the picture's format from '{target}': name it .svg or .png");
        if (!EventsCommand.TryParseBars(barsText, out var from, out var to))
            return Usage(console, "--bars takes A:B with 0 <= A < B, or N >= 1");
        if (barsText is not null && to - from > MaxBars) return Usage(console, $"--bars asks for {to - from} bars; a roll draws at most {MaxBars}");

        var loaded = SourceFile.Compile(path, new CompileOptions(seed), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;
        if (barsText is null)
        {
            from = 0;
            to = piece.Form.EndBar is { } end && end <= DefaultBars ? end : DefaultBars;
        }

        var diagnostics = new DiagnosticBag();
        var picture = RollBuilder.Build(piece, from, to, diagnostics);
        DiagnosticPrinter.PrintText(console.Error, loaded.Compilation.Source, diagnostics.Sorted());
        if (picture is null) return ExitCodes.InputErrors;
        if (png && PngRoll.PixelCount(picture) > PngRoll.MaxPixels)
            return Usage(console, $"a PNG of bars {from}:{to} would be over {PngRoll.MaxPixels} pixels: ask for fewer bars, or write .svg");

        try
        {
            if (png)
            {
                var bytes = PngRoll.Write(picture);
                AtomicFileWriter.Write(target, stream => stream.Write(bytes));
            }
            else
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(SvgRoll.Write(picture));
                AtomicFileWriter.Write(target, stream => stream.Write(bytes));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"seq: cannot write '{target}': {SourceFile.Describe(e)}");
            return ExitCodes.IoError;
        }
        if (!quiet) console.Error.WriteLine($"wrote {target}: bars {from}:{to}, {picture.Tracks.Count} tracks, {picture.NoteCount} notes");
        return ExitCodes.Success;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq roll: {message}");
        return ExitCodes.Usage;
    }
}
