namespace SeqLang.Player.Tests.Support;

/// <summary>
/// Compares what the player sent with what the renderer wrote, channel by channel, in order. The player
/// ends with its stop: note-offs for whatever still sounds (the renderer writes those offs later, at each
/// note's end) and CC 123 on each used channel; those are checked for what they are. The bends that re-centre a
/// channel at the end (SPEC §13) are at the end tick in the file and among the stop's messages on the port.
/// </summary>
public static class Compare
{
    /// <param name="timeOf">The arrival time of a received message in seconds from the first message's ideal time.</param>
    /// <param name="tolerance">How far an arrival may be from the renderer's time.</param>
    /// <param name="stall">
    /// With a real clock: a few arrivals (<see cref="Tolerances.StalledAllowed"/>) may be past
    /// <paramref name="tolerance"/> but within this, as a stalled machine delays them (see <see cref="Tolerances"/>);
    /// and times are taken from the arrivals' median offset, as the reference message may itself have been stalled.
    /// </param>
    public static List<string> Problems(IReadOnlyList<IReadOnlyList<ExpectedMessage>> tracks, long endTick, double endSeconds,
        IReadOnlyList<Received> received, Func<Received, double> timeOf, double tolerance, List<double>? errors = null, double? stall = null)
    {
        var problems = new List<string>();
        var timed = new List<(double Error, string What)>();
        var expected = tracks.SelectMany(t => t).GroupBy(m => m.Channel).ToDictionary(g => g.Key, g => g.ToList());
        var got = received.GroupBy(m => m.Channel).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var channel in expected.Keys.Union(got.Keys).Order())
        {
            var want = expected.GetValueOrDefault(channel) ?? [];
            var have = got.GetValueOrDefault(channel) ?? [];
            var before = want.Where(m => m.Tick < endTick).ToList();
            var after = want.Where(m => m.Tick >= endTick).ToList();
            for (var i = 0; i < before.Count; i++)
            {
                if (i >= have.Count) { problems.Add($"channel {channel}: message {i} ({before[i]}) never arrived"); break; }
                if (!before[i].Bytes.SequenceEqual(have[i].Bytes)) { problems.Add($"channel {channel}: message {i} is {have[i]}, the renderer wrote {before[i]}"); break; }
                timed.Add((timeOf(have[i]) - before[i].Seconds, $"channel {channel}: message {i} ({before[i]}) arrived {{0:0.00}} ms off"));
            }
            // The stop: note-offs for the notes the renderer ends at or after the end, its re-centring bends, then CC 123.
            var rest = have.Skip(before.Count).ToList();
            var bends = rest.Where(m => m.Status == 0xE0).Select(m => m.ToString()).ToList();
            var wantBends = after.Where(m => (m.Bytes[0] & 0xF0) == 0xE0).Select(m => Convert.ToHexString(m.Bytes)).ToList();
            if (!bends.SequenceEqual(wantBends)) problems.Add($"channel {channel}: at the stop, bends [{string.Join(' ', bends)}], the renderer wrote [{string.Join(' ', wantBends)}]");
            var offs = rest.Where(m => m.IsNoteOff).Select(m => m.Bytes[1]).Order().ToList();
            var wantOffs = after.Where(m => (m.Bytes[0] & 0xF0) == 0x80).Select(m => m.Bytes[1]).Distinct().Order().ToList();
            if (!offs.SequenceEqual(wantOffs)) problems.Add($"channel {channel}: at the stop, offs for [{string.Join(' ', offs)}], expected [{string.Join(' ', wantOffs)}]");
            if (rest.Count == 0 || rest[^1].ToString() != $"B{channel:X1}7B00") problems.Add($"channel {channel}: the last message is not CC 123");
            if (rest.Count != offs.Count + bends.Count + 1) problems.Add($"channel {channel}: after the last bar came [{string.Join(", ", rest)}]");
            foreach (var m in rest) timed.Add((timeOf(m) - endSeconds, $"channel {channel}: stop message {m} arrived {{0:0.00}} ms from the end"));
        }
        var offset = stall is null || timed.Count == 0 ? 0 : timed.Select(t => t.Error).Order().ElementAt(timed.Count / 2);
        if (Math.Abs(offset) > (stall ?? 0)) problems.Add($"the arrivals are {offset * 1000:0.00} ms off their times on the whole (median)");
        var late = new List<string>();
        foreach (var (raw, what) in timed)
        {
            var error = raw - offset;
            errors?.Add(Math.Abs(error));
            if (Math.Abs(error) <= tolerance) continue;
            (Math.Abs(error) > (stall ?? tolerance) ? problems : late).Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, what, error * 1000));
        }
        if (late.Count > Tolerances.StalledAllowed(timed.Count))
            problems.Add($"{late.Count} of {timed.Count} messages late, more than a stall explains:\n" + string.Join("\n", late.Take(20)));
        return problems;
    }

    /// <summary>Pitches still sounding per channel after all of <paramref name="received"/>.</summary>
    public static List<string> Sounding(IReadOnlyList<Received> received)
    {
        var sounding = new HashSet<(int, int)>();
        foreach (var m in received)
        {
            if (m.IsNoteOn) sounding.Add((m.Channel, m.Bytes[1]));
            else if (m.IsNoteOff) sounding.Remove((m.Channel, m.Bytes[1]));
            else if (m.Status == 0xB0 && m.Bytes[1] == 123) sounding.RemoveWhere(s => s.Item1 == m.Channel);
        }
        return sounding.Select(s => $"channel {s.Item1} note {s.Item2}").ToList();
    }
}
