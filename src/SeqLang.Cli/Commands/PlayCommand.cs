using System.CommandLine;
using System.Runtime.InteropServices;
using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Player;
using SeqLang.Player.RtMidi;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq play FILE [--port NAME | --virtual NAME] [--api NAME] [--bars N] [--timing-report OUT.json] [--quiet]</c>
/// (SPEC §8, §9). Ctrl-C (SIGINT) and SIGTERM stop playback cleanly: every sounding note ends, exit code 0.
/// </summary>
public static class PlayCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the .seq file" };
        var port = new Option<string?>("--port") { Description = "the output port: a part of its name (see seq ports); default: the only one" };
        var virtualPort = new Option<string?>("--virtual") { Description = "open a virtual output port with this name for others to connect to" };
        var api = MidiOptions.Api();
        var bars = new Option<long?>("--bars") { Description = "how many bars to play (default: to the form's end, else until Ctrl-C)" };
        var report = new Option<string?>("--timing-report") { Description = "write the lateness of every send as JSON here on stop" };
        var quiet = new Option<bool>("--quiet") { Description = "print nothing but errors" };
        var command = new Command("play", "Play a .seq file to a MIDI port in real time.") { file, port, virtualPort, api, bars, report, quiet };
        command.SetAction(parse => Run(new Request(parse.GetValue(file)!, parse.GetValue(port), parse.GetValue(virtualPort), parse.GetValue(api),
            parse.GetValue(bars), parse.GetValue(report), parse.GetValue(quiet)), console));
        return command;
    }

    private sealed record Request(string File, string? Port, string? Virtual, string? Api, long? Bars, string? Report, bool Quiet);

    private static int Run(Request r, CliConsole console)
    {
        if (r.Port is not null && r.Virtual is not null) return Usage(console, "give either --port or --virtual, not both");
        if (r.Virtual is { Length: 0 }) return Usage(console, "--virtual needs a port name");
        if (r.Bars is < 1 or > 10_000_000) return Usage(console, "--bars must be 1 to 10000000");
        if (!MidiOptions.TryParseApi(r.Api, console, "play", out var requested)) return ExitCodes.Usage;

        var loaded = SourceFile.Compile(r.File, new CompileOptions(), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;

        return MidiOptions.Guard(console, "play", () =>
        {
            var api = MidiSystem.ChooseApi(requested);
            using var output = MidiOutput.Create(api, MidiSystem.ClientName);
            // The watcher is a second client that lists ports while we play. It is made before our port is
            // connected: under JACK a client coming or going reorders the graph, and messages sent while a
            // new connection settles were lost (seen here: the first notes of a playback, now and then).
            using var watcher = r.Virtual is null ? MidiOutput.Create(api, MidiSystem.ClientName + "-watch") : null;
            string where;
            if (r.Virtual is { } name)
            {
                output.OpenVirtual(name);
                where = $"virtual port '{name}'";
            }
            else
            {
                var choice = PortSelection.Choose(output.Ports(), r.Port);
                if (choice.Port is not { } chosen)
                {
                    console.Error.WriteLine($"seq play: {choice.Error}");
                    return choice.IsUsageError ? ExitCodes.Usage : ExitCodes.IoError;
                }
                output.Open(chosen, "out");
                where = $"'{chosen.Name}'";
            }
            return Play(piece, output, watcher, r, where, loaded.Compilation, console);
        });
    }

    private static int Play(CompiledPiece piece, MidiOutput output, MidiOutput? watcher, Request r, string where, Compilation compilation, CliConsole console)
    {
        var target = output.ConnectedTo;
        var options = new PlaybackOptions
        {
            Bars = r.Bars,
            RecordTiming = r.Report is not null,
            PortAlive = watcher is null ? null : () => watcher.Ports().Any(p => p.Name == target),
        };
        using var player = new Player.Player(piece, output, options);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        if (!r.Quiet)
        {
            var length = r.Bars is { } n ? $"{n} bars" : piece.Form.EndBar is { } end ? $"{end} bars, to the form's end" : "no end";
            console.Error.WriteLine($"seq play: {compilation.Source.Path} to {where} through {MidiApiNames.Name(output.Api)} ({length}); Ctrl-C stops");
        }
        var result = player.Run();
        DiagnosticPrinter.PrintText(console.Error, compilation.Source, player.Diagnostics.Sorted());

        if (r.Report is { } path && result.Timing is { } timing)
        {
            try
            {
                File.WriteAllText(path, timing.ToJson());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine($"seq play: cannot write '{path}': {SourceFile.Describe(e)}");
                return ExitCodes.IoError;
            }
        }
        if (result.Fault is not null) console.Error.WriteLine($"seq play: internal error, this might be a bug: {result.Fault}");
        if (!r.Quiet)
        {
            var why = result.Reason switch
            {
                StopReason.Interrupted => "stopped",
                StopReason.End => "finished",
                _ => "stopped early",
            };
            var late = result.Timing is { } t ? $"; lateness p50 {t.P50Micros:0} µs, p99 {t.P99Micros:0} µs, max {t.MaxMicros:0} µs" : "";
            var underruns = result.Underruns > 0 ? $"; the compiler fell behind the clock {result.Underruns} times" : "";
            console.Error.WriteLine($"seq play: {why} after {result.MessagesSent} messages{late}{underruns}");
        }
        return result.Reason switch
        {
            StopReason.PortFailed => Fail(console, target is null ? "sending to the MIDI port failed" : $"the MIDI port '{target}' went away"),
            StopReason.CompileError => ExitCodes.InputErrors,
            _ when result.Fault is not null => ExitCodes.IoError,
            _ => ExitCodes.Success,
        };

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            player.RequestStop();
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq play: {message}");
        return ExitCodes.IoError;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq play: {message}");
        return ExitCodes.Usage;
    }
}
