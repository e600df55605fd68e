using System.CommandLine;
using System.Runtime.InteropServices;
using SeqLang.Audio;
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
/// <c>seq play FILE [--port NAME | --virtual NAME | --synth [SF2] [--audio NAME]] [--api NAME] [--bars N] [--from BAR] [--watch] [--clock-out]
/// [--clock-in PORT] [--input PORT] [--record OUT.mid] [--timing-report OUT.json] [--quiet]</c> (SPEC §8, §9, §16). Ctrl-C (SIGINT) and SIGTERM stop playback cleanly: every sounding note ends, exit code 0.
/// With <c>--synth</c> the same clock thread sends the same messages into FluidSynth, which plays them through its own audio driver.
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
        var synth = new Option<string?>("--synth")
        {
            Description = "play through FluidSynth's own audio output instead of a MIDI port; SF2, if given, is the SoundFont (default: the system's General MIDI SoundFont, as seq render -o OUT.wav)",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "SF2",
        };
        // `seq play --synth song.seq` gives the file to --synth (its SoundFont is optional): say so rather than only "FILE is missing".
        synth.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && value.EndsWith(".seq", StringComparison.OrdinalIgnoreCase))
                result.AddError($"--synth takes a SoundFont (.sf2), not '{value}': put the .seq file first, as in seq play {value} --synth");
        });
        var audio = new Option<string?>("--audio")
        {
            Description = "with --synth, FluidSynth's audio driver: jack, pipewire, pulseaudio, alsa, ... (default: jack when a JACK server runs, else the first that starts)",
            HelpName = "NAME",
        };
        var command = new Command("play", "Play a .seq file to a MIDI port, or through FluidSynth (--synth), in real time.")
            { file, port, virtualPort, synth, audio, api, bars, from, watch, clockOut, clockIn, input, saveEdits, record, report, quiet };
        command.SetAction(parse => Run(new Request(parse.GetValue(file)!, parse.GetValue(port), parse.GetValue(virtualPort), parse.GetValue(api),
            parse.GetValue(bars), parse.GetValue(from) ?? 0, parse.GetValue(watch), parse.GetValue(clockOut), parse.GetValue(clockIn), parse.GetValue(input),
            parse.GetValue(saveEdits), parse.GetValue(record), parse.GetValue(report), parse.GetValue(quiet),
            parse.GetResult(synth) is not null, parse.GetValue(synth), parse.GetValue(audio)), console));
        return command;
    }

    private sealed record Request(string File, string? Port, string? Virtual, string? Api, long? Bars, long From, bool Watch, bool ClockOut,
        string? ClockIn, string? Input, bool SaveEdits, string? Record, string? Report, bool Quiet, bool Synth = false, string? SoundFont = null, string? Audio = null);

    /// <summary>
    /// Where the messages go: a MIDI port (<see cref="Port"/>), or FluidSynth (<see cref="Synth"/>). <see cref="Api"/> is
    /// the MIDI system of the port, or with the synth of the MIDI inputs and feedback ports (unspecified when none).
    /// </summary>
    private sealed record Destination(IMidiSink Sink, string Where, MidiApi Api, MidiOutput? Port, SynthOutput? Synth)
    {
        public string? Target => Port?.ConnectedTo;
    }

    private static int Run(Request r, CliConsole console)
    {
        if (r.Port is not null && r.Virtual is not null) return Usage(console, "give either --port or --virtual, not both");
        if (r.Synth && (r.Port is not null || r.Virtual is not null)) return Usage(console, "--synth plays instead of a MIDI port: give --synth, --port or --virtual, not two of them");
        if (r.Synth && r.ClockOut) return Usage(console, "--clock-out sends MIDI clock to a MIDI port, and --synth plays to none");
        if (r.Audio is not null && !r.Synth) return Usage(console, "--audio chooses the synth's audio output: give --synth too");
        if (r.Virtual is { Length: 0 }) return Usage(console, "--virtual needs a port name");
        if (r.Bars is < 1 or > 10_000_000) return Usage(console, "--bars must be 1 to 10000000");
        if (r.From is < 0 or > 10_000_000) return Usage(console, "--from must be 0 to 10000000");
        if (!MidiOptions.TryParseApi(r.Api, console, "play", out var requested)) return ExitCodes.Usage;
        string? font = null;
        if (r.Synth)
        {
            // Before compiling, as seq render -o X.wav does: a machine without FluidSynth or a SoundFont hears why at once.
            font = AudioRender.Prepare(r.SoundFont, console, "seq play");
            if (font is null) return ExitCodes.IoError;
            if (r.Audio is { } driver && LiveSynth.AvailableDrivers() is var drivers && !drivers.Contains(driver, StringComparer.Ordinal))
                return Usage(console, $"unknown --audio '{driver}'; this FluidSynth has: {string.Join(", ", drivers)}");
        }

        var loaded = SourceFile.Compile(r.File, new CompileOptions(), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;
        if (piece.Form.EndBar is { } formEnd && r.From >= formEnd)
            return Usage(console, $"--from {r.From} is past the form's end (the piece has {formEnd} bars)");

        var settings = piece.Settings;
        var outputName = r.Port ?? (r.Virtual is null ? settings.Output : null);
        var clockInName = r.ClockIn ?? (settings.ClockIn ? settings.ClockInPort ?? settings.Input ?? "" : null);
        var inputName = r.Input ?? settings.Input;
        if (r.Synth) return PlaySynth(piece, font!, clockInName, inputName, requested, r, loaded.Compilation, console);
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
            if (OpenInputs(piece, clockInput, clockInName, controlInput, inputName, r, ref where, console) is { } failed) return failed;
            return Play(piece, new Destination(output, $"{where} through {MidiApiNames.Name(output.Api)}", output.Api, output, null), watcher, server, clockInput, controlInput,
                r with { ClockOut = r.ClockOut || settings.ClockOut }, loaded.Compilation, console);
        });
    }

    /// <summary>
    /// <c>--synth</c>: FluidSynth with its audio driver in place of the MIDI port. RtMidi is needed only for the MIDI
    /// inputs and controller feedback the file or the options ask for. The file's <c>clock out</c> has no port to go to.
    /// </summary>
    private static int PlaySynth(CompiledPiece piece, string font, string? clockInName, string? inputName, MidiApi requested, Request r, Compilation compilation, CliConsole console)
    {
        var jackRunning = (r.Audio is null or "jack") && MidiSystem.JackServerRunning();
        LiveSynth live;
        try
        {
            live = LiveSynth.Start(font, r.Audio, jackRunning);
        }
        catch (AudioSetupException e)
        {
            console.Error.WriteLine($"seq play: {e.Message}");
            return ExitCodes.IoError;
        }
        using var synth = live;
        var needsMidi = clockInName is not null || inputName is not null || piece.Controls.Feedback.Count > 0;
        return MidiOptions.Guard(console, "play", () =>
        {
            var api = needsMidi ? MidiSystem.ChooseApi(requested) : MidiApi.Unspecified;
            // Under JACK a stopped server silences the synth; the watch stops playback as it does for a MIDI port.
            using var server = synth.Driver == "jack" ? JackServerWatch.Open(MidiSystem.ClientName + "-server") : null;
            using var clockInput = clockInName is null ? null : MidiInput.Create(api, MidiSystem.ClientName + "-clock");
            using var controlInput = inputName is null ? null : MidiInput.Create(api, MidiSystem.ClientName + "-control");
            var where = $"FluidSynth through {synth.Driver}" + (synth.Driver == "jack" ? $" (JACK client {LiveSynth.JackClientName})" : "") + $", SoundFont {font}";
            if (OpenInputs(piece, clockInput, clockInName, controlInput, inputName, r, ref where, console) is { } failed) return failed;
            var output = new SynthOutput(synth);
            return Play(piece, new Destination(output, where, api, null, output), null, server, clockInput, controlInput,
                r with { ClockOut = false }, compilation, console);
        });
    }

    /// <summary>Opens the clock and control inputs asked for; the exit code when one cannot be opened, else null.</summary>
    private static int? OpenInputs(CompiledPiece piece, MidiInput? clockInput, string? clockInName, MidiInput? controlInput, string? inputName, Request r, ref string where,
        CliConsole console)
    {
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
        return null;
    }

    private static int Play(CompiledPiece piece, Destination destination, MidiOutput? watcher, JackServerWatch? server, MidiInput? clockInput, MidiInput? controlInput, Request r,
        Compilation compilation, CliConsole console)
    {
        var target = destination.Target;
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
        if (destination.Synth is not null) Warmup.Prepare([.. LiveSynth.ClockThreadTypes]);
        using var player = new Player.PiecePlayer(piece, destination.Sink, options, stop);
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
            console.Error.WriteLine($"seq play: {compilation.Source.Path} to {destination.Where} ({length}{extras}); Ctrl-C stops{help}");
        }
        session.StartStatus();
        var result = player.Run();
        // The last notes' release is heard, not cut by closing the audio: the render's tail at the end, briefly on a stop.
        destination.Synth?.Synth.WaitForRelease(result.Reason == StopReason.End ? AudioRenderer.Tail : TimeSpan.FromMilliseconds(300));
        clockInput?.CancelCallback();
        controlInput?.CancelCallback();
        // Live control's worker acts on what arrived before the cancel now, while the feedback ports it may use are open.
        control.Flush();
        if (server is { ServerGone: true })
        {
            destination.Port?.Abandon();
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
                    port = MidiOutput.Create(destination.Api == MidiApi.Unspecified ? MidiSystem.ChooseApi() : destination.Api, MidiSystem.ClientName + "-feedback");
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
