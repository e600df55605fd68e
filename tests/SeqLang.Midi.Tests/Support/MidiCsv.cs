using System.ComponentModel;
using System.Diagnostics;

namespace SeqLang.Midi.Tests.Support;

/// <summary>
/// A second independent reader: John Walker's <c>midicsv</c> (a C program with its own SMF
/// parser), which prints one line per record: <c>track, tick, Type, fields...</c>.
/// Missing tool → throws with the install command, so the cross-check cannot silently vanish.
/// </summary>
public static class MidiCsv
{
    public const string ToolPath = "/usr/bin/midicsv";

    /// <summary>One midicsv record: its track (1-based as midicsv counts), tick, type and remaining fields.</summary>
    public sealed record Row(int Track, long Tick, string Type, IReadOnlyList<string> Fields)
    {
        public override string ToString() => $"{Track}, {Tick}, {Type}{string.Concat(Fields.Select(f => ", " + f))}";
    }

    public static IReadOnlyList<Row> Read(string midiPath)
    {
        if (!File.Exists(ToolPath)) throw new InvalidOperationException($"{ToolPath} not found; install it with `apt-get install midicsv` (as root).");
        var start = new ProcessStartInfo(ToolPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(midiPath);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ToolPath}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"midicsv failed on {midiPath} (exit {process.ExitCode}): {stderr.Result.Trim()}");
            return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseLine).ToList();
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"Could not run {ToolPath} ({error.Message}); install it with `apt-get install midicsv`.", error);
        }
    }

    private static Row ParseLine(string line)
    {
        // Only Title_t and similar text records hold a quoted string, always last; we keep it whole.
        var quote = line.IndexOf('"');
        var head = quote >= 0 ? line[..quote] : line;
        var fields = head.Split(',', StringSplitOptions.TrimEntries).Where(f => f.Length > 0).ToList();
        if (quote >= 0) fields.Add(line[quote..].Trim());
        return new Row(int.Parse(fields[0]), long.Parse(fields[1]), fields[2], fields.Skip(3).ToList());
    }
}
