using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeqLang.Midi.Tests.Support;

/// <summary>
/// Reads a .mid with a third-party parser (mido, through tests/tools/mido_dump.py) rather than
/// our own <see cref="SmfReader"/>, because a writer and a reader from the same hands can share
/// a misreading of the SMF spec and still agree with each other. Self-contained (no xunit, no
/// SeqLang types) so other test projects can copy or link this file.
/// If mido is not installed, every call throws with the command that installs it: a test that
/// cannot check a file must fail, never pass.
/// </summary>
public static class IndependentMidiReader
{
    /// <summary>The system Python: Debian's python3-mido lives there, not in the pyenv shim on PATH.</summary>
    public const string PythonPath = "/usr/bin/python3";

    private const string InstallHint = "install it with `apt-get install python3-mido` (as root)";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>tests/tools/mido_dump.py, found by walking up from the test binaries to the repository.</summary>
    public static string ScriptPath { get; } = FindScript();

    /// <summary>Everything mido reads from the file.</summary>
    public static IndependentMidiFile Dump(string midiPath)
    {
        var (exitCode, stdout, stderr) = Run("dump", midiPath);
        if (exitCode != 0) throw new InvalidOperationException($"mido could not read {midiPath} (exit {exitCode}): {stderr.Trim()}");
        return JsonSerializer.Deserialize<IndependentMidiFile>(stdout)
            ?? throw new InvalidOperationException($"mido_dump.py printed no JSON for {midiPath}.");
    }

    /// <summary>
    /// The script's structural check: format 1, <paramref name="ppq"/> ticks per quarter, every
    /// track ended, note-ons and note-offs balanced per channel and pitch, and no note-on while
    /// that pitch sounds. Returns the problems found, empty when the file passes.
    /// </summary>
    public static IReadOnlyList<string> Check(string midiPath, int ppq)
    {
        var (exitCode, stdout, stderr) = Run("check", midiPath, "--ppq", ppq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exitCode is not (0 or 1)) throw new InvalidOperationException($"mido could not read {midiPath} (exit {exitCode}): {stderr.Trim()}");
        var result = JsonSerializer.Deserialize<CheckResult>(stdout)
            ?? throw new InvalidOperationException($"mido_dump.py printed no JSON for {midiPath}.");
        return result.Errors;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        if (!File.Exists(PythonPath))
            throw new InvalidOperationException($"{PythonPath} not found: the independent MIDI reader needs Debian's python3 with mido; {InstallHint}.");
        var start = new ProcessStartInfo(PythonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(ScriptPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {PythonPath}.");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"Could not run {PythonPath} ({error.Message}); {InstallHint}.", error);
        }
        using (process)
        {
            // Read both streams concurrently: a full stderr pipe would otherwise block the script forever.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill();
                throw new TimeoutException($"mido_dump.py {string.Join(' ', arguments)} took longer than {Timeout.TotalSeconds} s.");
            }
            process.WaitForExit();
            var error = stderr.Result;
            if (error.Contains("No module named", StringComparison.Ordinal) || error.Contains("python3-mido", StringComparison.Ordinal))
                throw new InvalidOperationException($"{PythonPath} cannot import mido; {InstallHint}. Python said: {error.Trim()}");
            return (process.ExitCode, stdout.Result, error);
        }
    }

    private static string FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "tools", "mido_dump.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/tools/mido_dump.py not found above {AppContext.BaseDirectory}.");
    }

    private sealed record CheckResult(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
}

/// <summary>A MIDI file as mido reads it.</summary>
public sealed record IndependentMidiFile(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("ticks_per_beat")] int TicksPerBeat,
    [property: JsonPropertyName("tracks")] IReadOnlyList<IndependentMidiTrack> Tracks,
    [property: JsonPropertyName("length")] double LengthSeconds = 0);

/// <summary>One track as mido reads it: its name (first track_name, or "") and its messages.</summary>
public sealed record IndependentMidiTrack(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages")] IReadOnlyList<IndependentMidiMessage> Messages);

/// <summary>
/// One message as mido names it (<c>note_on</c>, <c>control_change</c>, <c>set_tempo</c>,
/// <c>key_signature</c>...), at its absolute tick; fields a type does not have are null.
/// </summary>
public sealed record IndependentMidiMessage(
    [property: JsonPropertyName("tick")] long Tick,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("channel")] int? Channel = null,
    [property: JsonPropertyName("note")] int? Note = null,
    [property: JsonPropertyName("velocity")] int? Velocity = null,
    [property: JsonPropertyName("control")] int? Control = null,
    [property: JsonPropertyName("value")] int? Value = null,
    [property: JsonPropertyName("program")] int? Program = null,
    [property: JsonPropertyName("pitch")] int? Pitch = null,
    [property: JsonPropertyName("tempo")] int? Tempo = null,
    [property: JsonPropertyName("numerator")] int? Numerator = null,
    [property: JsonPropertyName("denominator")] int? Denominator = null,
    [property: JsonPropertyName("clocks_per_click")] int? ClocksPerClick = null,
    [property: JsonPropertyName("notated_32nd_notes_per_beat")] int? ThirtySecondsPerQuarter = null,
    [property: JsonPropertyName("key")] string? Key = null,
    [property: JsonPropertyName("name")] string? Name = null)
{
    /// <summary>
    /// One line naming the message and its fields, e.g. <c>480 note_on ch=0 note=60 velocity=100</c>:
    /// compare lists of these to get readable diffs.
    /// </summary>
    public override string ToString()
    {
        var parts = new List<string> { Tick.ToString(System.Globalization.CultureInfo.InvariantCulture), Type };
        void Add(string label, object? value) { if (value is not null) parts.Add($"{label}={value}"); }
        Add("ch", Channel); Add("note", Note); Add("velocity", Velocity); Add("control", Control); Add("value", Value);
        Add("program", Program); Add("pitch", Pitch); Add("tempo", Tempo); Add("numerator", Numerator); Add("denominator", Denominator);
        Add("clocks_per_click", ClocksPerClick); Add("notated_32nd", ThirtySecondsPerQuarter); Add("key", Key); Add("name", Name);
        return string.Join(' ', parts);
    }
}
