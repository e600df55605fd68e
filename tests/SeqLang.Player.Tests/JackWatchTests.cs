using System.Diagnostics;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// <c>seq play --watch</c> through a real JACK server, the real CLI in a process of its own, the file saved
/// while it plays: the new version takes over at a bar line with no gap and no overlap (SPEC §9), and a save
/// that does not compile changes nothing but prints its diagnostics.
/// </summary>
[Collection(JackCollection.Name)]
public sealed class JackWatchTests(JackServer jack)
{
    private const string Old = "title \"Watch\"\ntempo 240\ntrack keys channel 1 {\n  play \"c4*4\"\n}\ntrack drums channel 10 {\n  kick \"x*4\"\n}\n";
    private const string New = "title \"Watch\"\ntempo 240\ntrack keys channel 1 {\n  play \"e4*4\"\n}\ntrack drums channel 10 {\n  kick \"x*4\"\n}\n";
    // Line 4, column 26: the ')'.
    private const string Broken = "title \"Watch\"\ntempo 240\ntrack keys channel 1 {\n  play \"e4*4\" legato 0.5 )\n}\ntrack drums channel 10 {\n  kick \"x*4\"\n}\n";

    [Fact]
    public void A_save_switches_at_a_bar_line_without_a_gap_and_a_broken_save_keeps_the_music_and_prints_its_error()
    {
        const long bars = 8; // 240 BPM: a bar a second
        const double bar = 1.0;
        var path = Repository.TempFile("watch.seq");
        File.WriteAllText(path, Old);
        var oldPiece = Expected.Compile(path);
        using var recorder = new MidiRecorder();
        // Not --quiet: a broken save's diagnostics are printed only without it (stdout is redirected, so no status line).
        using var seq = SeqProcess.Start(jack, ["play", path, "--watch", "--port", recorder.PortName, "--bars", bars.ToString()]);
        var started = recorder.WaitFor(m => m.Count > 0, TimeSpan.FromSeconds(20));
        Assert.True(started.Count > 0, $"nothing arrived: {seq.ErrorSoFar}");
        var t0 = started[0].Timestamp;

        // Mid-bar 1: save the new version (write a copy, rename it over the file, as editors do).
        ClockSender.WaitUntil(t0 + (long)(1.5 * Stopwatch.Frequency));
        var savedAt = Stopwatch.GetTimestamp();
        Save(path, New);
        var newPiece = Expected.Compile(path);
        WaitForStderr(seq, "the new version plays from bar ");

        // Half a bar after the switch: a save that does not compile.
        var reloaded = seq.ErrorSoFar;
        var announced = int.Parse(reloaded[(reloaded.IndexOf("plays from bar ", StringComparison.Ordinal) + "plays from bar ".Length)..].TakeWhile(char.IsDigit).ToArray());
        ClockSender.WaitUntil(t0 + (long)((announced + 0.5) * bar * Stopwatch.Frequency));
        Assert.False(seq.HasExited, seq.ErrorSoFar);
        Save(path, Broken);
        WaitForStderr(seq, "still playing the last version that compiled");

        var result = seq.WaitForExit(TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        var received = recorder.WaitForQuiet(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        double TimeOf(Received m) => (double)(m.Timestamp - t0) / Stopwatch.Frequency;

        // Which bar a note belongs to: at 240 BPM notes are a beat (250 ms) apart, so half a beat tells them apart,
        // past any stall of the loaded machine (see Tolerances).
        const double halfBeat = 0.125;
        // The switch bar B: where the first new note (e4 on channel 1) arrived, a bar line after the save.
        var firstNew = received.First(m => m.IsNoteOn && m.Channel == 0 && m.Bytes[1] == 64);
        var switchBar = (long)Math.Round(TimeOf(firstNew) / bar);
        Assert.Equal(announced, switchBar);
        Assert.True(Math.Abs(TimeOf(firstNew) - switchBar * bar) <= halfBeat, $"the first new note arrived {TimeOf(firstNew) * 1000:0.0} ms in, not at bar {switchBar}'s line");
        Assert.True(switchBar * bar >= ReceivedExtensions.Seconds(t0, savedAt) - halfBeat, $"the new version started at bar {switchBar}, before the save");
        Assert.InRange(switchBar, 2, 4);
        // Every new-version message at or after B's line, every old-version note-on before it.
        var keys = received.Where(m => m.Channel == 0).ToList();
        Assert.All(keys.Where(m => m.Bytes[1] == 64), m => Assert.True(TimeOf(m) >= switchBar * bar - halfBeat, $"{m} at {TimeOf(m) * 1000:0.0} ms, before bar {switchBar}"));
        Assert.All(keys.Where(m => m.IsNoteOn && m.Bytes[1] == 60), m => Assert.True(TimeOf(m) < switchBar * bar - halfBeat, $"old {m} at {TimeOf(m) * 1000:0.0} ms, at or after bar {switchBar}"));
        // No gap, no overlap: four c4 a bar up to B, four e4 a bar from B; the kick on every beat throughout.
        var pitches = keys.Where(m => m.IsNoteOn).Select(m => (int)m.Bytes[1]).ToList();
        Assert.Equal(Enumerable.Repeat(60, 4 * (int)switchBar).Concat(Enumerable.Repeat(64, 4 * (int)(bars - switchBar))), pitches);

        // Everything, message for message and on time: the old render before B's line (and the note-offs of
        // notes begun before it), the new render from it on; the broken save changed nothing.
        var (oldTracks, _, _) = Expected.Render(oldPiece, bars);
        var (newTracks, endTick, endSeconds) = Expected.Render(newPiece, bars);
        var cut = switchBar * 1920;
        var tracks = oldTracks.Zip(newTracks, (o, n) => (IReadOnlyList<ExpectedMessage>)Splice(o, n, cut)).ToList();
        var problems = Compare.Problems(tracks, endTick, endSeconds, received, TimeOf, Tolerances.OnTime, stall: Tolerances.Stall);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(Compare.Sounding(received));

        // The broken save: its diagnostic (FILE:LINE:COL: error), once; one reload.
        Assert.Contains($"{path}:4:26: error", result.Error);
        Assert.Equal(1, Count(result.Error, "still playing the last version that compiled"));
        Assert.Equal(1, Count(result.Error, "the new version plays from bar"));
    }

    /// <summary>
    /// The old version's messages before <paramref name="cut"/> plus the note-offs of its notes begun before it,
    /// then the new version's from <paramref name="cut"/>; at one tick the old version's first.
    /// </summary>
    private static List<ExpectedMessage> Splice(IReadOnlyList<ExpectedMessage> old, IReadOnlyList<ExpectedMessage> @new, long cut)
    {
        var before = BegunBeforeCut(old, cut, keep: true);
        var after = BegunBeforeCut(@new, cut, keep: false);
        return before.Concat(after).OrderBy(m => m.Tick).ToList();
    }

    /// <summary>
    /// <paramref name="keep"/>: the messages before <paramref name="cut"/> and the note-offs at or after it of notes begun
    /// before it; otherwise the messages from <paramref name="cut"/> on, without those note-offs (their notes never sounded).
    /// </summary>
    private static List<ExpectedMessage> BegunBeforeCut(IReadOnlyList<ExpectedMessage> messages, long cut, bool keep)
    {
        var onAt = new Dictionary<(int, int), long>();
        var result = new List<ExpectedMessage>();
        foreach (var m in messages)
        {
            var kind = m.Bytes[0] & 0xF0;
            var isOff = kind == 0x80 || (kind == 0x90 && m.Bytes[2] == 0);
            if (kind == 0x90 && !isOff) onAt[(m.Channel, m.Bytes[1])] = m.Tick;
            var endsEarlierNote = isOff && onAt.TryGetValue((m.Channel, m.Bytes[1]), out var on) && on < cut;
            if (keep ? m.Tick < cut || endsEarlierNote : m.Tick >= cut && !endsEarlierNote) result.Add(m);
        }
        return result;
    }

    private static void Save(string path, string text)
    {
        var temporary = path + ".saving";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void WaitForStderr(SeqProcess seq, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!seq.ErrorSoFar.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(seq.HasExited, $"seq exited before printing '{text}': {seq.ErrorSoFar}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"seq did not print '{text}' within 10 s: {seq.ErrorSoFar}");
            Thread.Sleep(20);
        }
    }
}
