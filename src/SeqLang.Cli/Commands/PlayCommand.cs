using System.CommandLine;
using System.Runtime.InteropServices;
using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Cli.Play;
using SeqLang.Midi;
using SeqLang.Player;
using SeqLang.Player.Control;
using SeqLang.Player.Recording;
using SeqLang.Player.RtMidi;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq play FILE [--port NAME | --virtual NAME] [--api NAME] [--bars N] [--from BAR] [--watch] [--clock-out]
/// [--clock-in PORT] [--input PORT] [--record OUT.mid] [--timing-report OUT.json] [--quiet]</c> (SPEC §8, §9). Ctrl-C (SIGINT) and SIGTERM stop playback cleanly: every sounding note ends, exit code 0.
/// </summary>
public static class PlayCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the .seq file" };
        var port = new Option<string?>("--port") { Description = "the output port: a part of its name (see seq ports); default: the file's output setting, else the only one" };
        var virtualPort = new Option<string?>("--virtual") { Description = "open a virtual output port with this name for others to connect to" };
        var api = MidiOptions.Api();
        var bars = new Option<long?>("--bars") { Description = "how many bars to play (default: to the form's end, else until Ctrl-C)" };
        var from = new Option<long?>("--from") { Description = "start at this bar (bars count from 0); the form, harmony and seeded choices are those of that bar" };
        var watch = new Option<bool>("--watch") { Description = "reload the file when it is saved and switch at the next bar line" };
        var clockOut = new Option<bool>("--clock-out") { Description = "send MIDI clock (Start, 24 pulses a beat, Stop) to the output port" };
        var clockIn = new Option<string?>("--clock-in") { Description = "follow the MIDI clock from this input port (a part of its name)" };
        var input = new Option<string?>("--input") { Description = "the controller input port for the file's mappings (a part of its name)" };
        var saveEdits = new Option<bool>("--save-edits") { Description = "on stop, write pad edits into the file itself (default: a copy, NAME.live.seq)" };
        var record = new Option<string?>("--record") { Description = "write what was actually sent to this MIDI file on stop" };
        var report = new Option<string?>("--timing-report") { Description = "write the lateness of every send as JSON here on stop" };
        var quiet = new Option<bool>("--quiet") { Description = "print nothing but errors (no status line)" };
        var command = new Command("play", "Play a .seq file to a MIDI port in real time.") { file, port, virtualPort, api, bars, from, watch, clockOut, clockIn, input, saveEdits, record, report, quiet };
        command.SetAction(parse => Run(new Request(parse.GetValue(file)!, parse.GetValue(port), parse.GetValue(virtualPort), parse.GetValue(api),
            parse.GetValue(bars), parse.GetValue(from) ?? 0, parse.GetValue(watch), parse.GetValue(clockOut), parse.GetValue(clockIn), parse.GetValue(input),
            parse.GetValue(saveEdits), parse.GetValue(record), parse.GetValue(report), parse.GetValue(quiet)), console));
        return command;
    }

    private sealed record Request(string File, string? Port, string? Virtual, string? Api, long? Bars, long From, bool Watch, bool ClockOut,
        string? ClockIn, string? Input, bool SaveEdits, string? Record, string? Report, bool Quiet);

    private static int Run(Request r, CliConsole console)
    {
        if (r.Port is not null && r.Virtual is not null) return Usage(console, "give either --port or --virtual, not both");
        if (r.Virtual is { Length: 0 }) return Usage(console, "--virtual needs a port name");
        if (r.Bars is < 1 or > 10_000_000) return Usage(console, "--bars must be 1 to 10000000");
        if (r.From is < 0 or > 10_000_000) return Usage(console, "--from must be 0 to 10000000");
        if (!MidiOptions.TryParseApi(r.Api, console, "play", out var requested)) return ExitCodes.Usage;

        var loaded = SourceFile.Compile(r.File, new CompileOptions(), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;
        if (piece.Form.EndBar is { } formEnd && r.From >= formEnd)
            return Usage(console, $"--from {r.From} is past the form's end (the piece has {formEnd} bars)");

        var settings = piece.Settings;
        var outputName = r.Port ?? (r.Virtual is null ? settings.Output : null);
        var clockInName = r.ClockIn ?? (settings.ClockIn ? settings.ClockInPort ?? settings.Input ?? "" : null);
        var inputName = r.Input ?? settings.Input;
        return MidiOptions.Guard(console, "play", () =>
        {
            var api = MidiSystem.ChooseApi(requested);
            using var output = MidiOutput.Create(api, MidiSystem.ClientName);
            // The watcher is a second client that lists ports while we play. It is made before our port is
            // connected: under JACK a client coming or going reorders the graph, and messages sent while a
            // new connection settles were lost (seen here: the first notes of a playback, now and then).
            using var watcher = r.Virtual is null ? MidiOutput.Create(api, MidiSystem.ClientName + "-watch") : null;
            // The port listing cannot tell that the JACK server died (libjack answers from its shared memory): this can.
            using var server = api == MidiApi.Jack ? JackServerWatch.Open(MidiSystem.ClientName + "-server") : null;
            using var clockInput = clockInName is null ? null : MidiInput.Create(api, MidiSystem.ClientName + "-clock");
            using var controlInput = inputName is null ? null : MidiInput.Create(api, MidiSystem.ClientName + "-control");
            string where;
            if (r.Virtual is { } name)
            {
                output.OpenVirtual(name);
                where = $"virtual port '{name}'";
            }
            else
            {
                var choice = PortSelection.Choose(output.Ports(), outputName);
                if (choice.Port is not { } chosen)
                {
                    console.Error.WriteLine($"seq play: {choice.Error}");
                    return choice.IsUsageError ? ExitCodes.Usage : ExitCodes.IoError;
                }
                output.Open(chosen, "out");
                where = $"'{chosen.Name}'";
            }
            if (clockInput is not null)
            {
                var choice = PortSelection.Choose(clockInput.Ports(), clockInName, "input");
                if (choice.Port is not { } chosen)
                {
                    console.Error.WriteLine($"seq play: --clock-in: {choice.Error}");
                    return choice.IsUsageError ? ExitCodes.Usage : ExitCodes.IoError;
                }
                clockInput.Open(chosen, "clock-in");
                clockInput.IgnoreTypes(sysex: true, timing: false, activeSensing: true);
                where += $", following the clock of '{chosen.Name}'";
            }
            if (controlInput is not null)
            {
                var choice = PortSelection.Choose(controlInput.Ports(), inputName, "input");
                if (choice.Port is not { } chosen)
                {
                    console.Error.WriteLine($"seq play: --input: {choice.Error}");
                    return choice.IsUsageError ? ExitCodes.Usage : ExitCodes.IoError;
                }
                controlInput.Open(chosen, "control");
                where += $", controlled from '{chosen.Name}'";
            }
            else if (piece.Controls.Mappings.Count > 0 && !r.Quiet)
            {
                console.Error.WriteLine("seq play: the file maps controls but names no input; give --input PORT or `input \"name\"` to use them");
            }
            return Play(piece, output, watcher, server, clockInput, controlInput, r with { ClockOut = r.ClockOut || settings.ClockOut }, where, loaded.Compilation, console);
        });
    }

    private static int Play(CompiledPiece piece, MidiOutput output, MidiOutput? watcher, JackServerWatch? server, MidiInput? clockInput, MidiInput? controlInput, Request r, string where,
        Compilation compilation, CliConsole console)
    {
        var target = output.ConnectedTo;
        var stop = new StopSignal();
        var external = clockInput is null ? null : new ExternalClock(stop, System.Diagnostics.Stopwatch.Frequency);
        var recording = r.Record is null ? null : new SendRecording();
        var options = new PlaybackOptions
        {
            Bars = r.Bars,
            FromBar = r.From,
            ClockOut = r.ClockOut,
            External = external,
            Recording = recording,
            Realtime = Environment.GetEnvironmentVariable("SEQ_REALTIME") != "0",
            RecordTiming = r.Report is not null,
            PortAlive = watcher is null ? null : () => watcher.Ports().Any(p => p.Name == target),
            MidiSystemAlive = server is null ? null : () => !server.ServerGone,
        };
        using var player = new Player.PiecePlayer(piece, output, options, stop);
        using var session = new PlaySession(compilation, player, console, r.Quiet);
        using var control = new LiveControl(player, compilation, text => session.Say(e => e.WriteLine($"seq play: {text}")));
        session.Control = control;
        controlInput?.SetCallback((_, message) => control.OnMessage(message));
        var feedbackPorts = new Dictionary<string, MidiOutput?>(StringComparer.OrdinalIgnoreCase);
        // The player's clock thread drives the pads.
        if (piece.Controls.Feedback.Count > 0) player.Feedback = new ControllerFeedback(player, control, name => FeedbackPort(name));
        if (external is not null)
        {
            clockInput!.SetCallback((_, message) =>
            {
                if (message.Length == 1) external.OnRealtime(message[0], System.Diagnostics.Stopwatch.GetTimestamp());
            });
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sourceWatcher = r.Watch ? new SourceWatcher(compilation.Source.Path, ReadOrEmpty(compilation.Source.Path), session.Reload) : null;
        using var keys = r.Quiet ? null : new HotkeyReader(session.Key);
        if (!r.Quiet)
        {
            var length = r.Bars is { } n ? $"{n} bars" : piece.Form.EndBar is { } end ? $"{end - r.From} bars, to the form's end" : "no end";
            var extras = (r.Watch ? ", reloading on save" : "") + (r.ClockOut ? ", clock out" : "") + (external is not null ? "; waiting for the clock's Start" : "");
            var help = keys is { Active: true } ? "; ? lists the keys" : "";
            console.Error.WriteLine($"seq play: {compilation.Source.Path} to {where} through {MidiApiNames.Name(output.Api)} ({length}{extras}); Ctrl-C stops{help}");
        }
        session.StartStatus();
        var result = player.Run();
        clockInput?.CancelCallback();
        controlInput?.CancelCallback();
        // Live control's worker acts on what arrived before the cancel now, while the feedback ports it may use are open.
        control.Flush();
        if (server is { ServerGone: true })
        {
            output.Abandon();
            foreach (var f in feedbackPorts.Values) f?.Abandon();
        }
        // The clock thread's last act queued every pad's off; RtMidi hands it to JACK at the next period, and
        // closing the port before that loses it (seen in the feedback tests). 50 ms covers periods up to 2048 frames.
        if (feedbackPorts.Values.Any(f => f is not null)) Thread.Sleep(50);
        foreach (var f in feedbackPorts.Values) f?.Dispose();
        string? savedTo = null;
        if (!TryWrite(console, r.SaveEdits ? compilation.Source.Path : LiveControl.LiveCopyPath(compilation.Source.Path), () => savedTo = control.WriteBack(r.SaveEdits)))
            return ExitCodes.IoError;
        if (savedTo is not null) console.Error.WriteLine($"seq play: {control.PadEdits} pad edits written to {savedTo}");
        session.Dispose();
        DiagnosticPrinter.PrintText(console.Error, compilation.Source, player.Diagnostics.Sorted());

        if (r.Report is { } path && result.Timing is { } timing && !TryWrite(console, path, () => File.WriteAllText(path, timing.ToJson())))
            return ExitCodes.IoError;
        if (r.Record is { } recordPath && recording is not null)
        {
            var writer = RecordingWriter.ForPiece(session.Current, System.Diagnostics.Stopwatch.Frequency, TickConverter.DefaultPpq, r.From);
            var endedAt = player.StartedAt is { } started ? player.SilencedAt - started : (long?)null;
            if (!TryWrite(console, recordPath, () => writer.WriteFile(recordPath, recording, endedAt))) return ExitCodes.IoError;
            if (!r.Quiet) console.Error.WriteLine($"seq play: wrote what was sent ({recording.Count} messages) to {recordPath}");
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
            var late = result.Timing is { } t ? $"; lateness p50 {t.P50Micros:0.0} µs, p99 {t.P99Micros:0.0} µs, max {t.MaxMicros:0} µs" : "";
            var underruns = result.Underruns > 0 ? $"; the compiler fell behind the clock {result.Underruns} times" : "";
            var priority = r.Report is not null ? (result.Realtime ? "; clock thread at real-time priority" : "; real-time priority refused (see README: Playing live)") : "";
            console.Error.WriteLine($"seq play: {why} after {result.MessagesSent} messages{late}{underruns}{priority}");
        }
        // A send can fail on a dead server before the watch is next asked: the server is then what went away.
        var serverGone = result.Reason is StopReason.MidiSystemLost or StopReason.PortFailed && server is { ServerGone: true };
        return result.Reason switch
        {
            _ when serverGone => Fail(console, $"the JACK server '{MidiSystem.JackServerName()}' went away; playback stopped"),
            StopReason.PortFailed => Fail(console, target is null ? "sending to the MIDI port failed" : $"the MIDI port '{target}' went away"),
            StopReason.CompileError => ExitCodes.InputErrors,
            _ when result.Fault is not null => ExitCodes.IoError,
            _ => ExitCodes.Success,
        };

        IMidiSink? FeedbackPort(string name)
        {
            lock (feedbackPorts)
            {
                if (feedbackPorts.TryGetValue(name, out var open)) return open;
                MidiOutput? port = null;
                try
                {
                    port = MidiOutput.Create(output.Api, MidiSystem.ClientName + "-feedback");
                    var choice = PortSelection.Choose(port.Ports(), name);
                    if (choice.Port is { } chosen) port.Open(chosen, "feedback");
                    else
                    {
                        session.Say(e => e.WriteLine($"seq play: feedback: {choice.Error}"));
                        port.Dispose();
                        port = null;
                    }
                }
                catch (MidiDeviceException e)
                {
                    session.Say(w => w.WriteLine($"seq play: feedback: {e.Message}"));
                    port?.Dispose();
                    port = null;
                }
                feedbackPorts[name] = port;
                return port;
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            player.RequestStop();
        }
    }

    private static byte[] ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool TryWrite(CliConsole console, string path, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"seq play: cannot write '{path}': {SourceFile.Describe(e)}");
            return false;
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
