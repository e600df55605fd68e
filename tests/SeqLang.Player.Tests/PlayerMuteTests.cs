using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Play = render where lanes are muted, and on random pieces: the player orders with the renderer's one
/// orderer and leaves muted lanes out before ordering, so a muted note never sounds and never cuts or merges
/// with one that does (before, a muted <c>bd</c> on the kick's key halved the kicks on the port, and a muted
/// <c>play2</c> ended the audible <c>play</c> early). Live mutes switch to a version ordered without the lane.
/// </summary>
public sealed class PlayerMuteTests
{
    [Theory]
    [InlineData("track drums channel 10 {\n  bd \"x ~ x ~\" mute\n  kick \"x x x x\"\n}\n")]
    [InlineData("track keys channel 1 {\n  play \"c4\"\n  play2 \"~ c4\" mute\n}\n")]
    [InlineData("track keys channel 1 {\n  play \"c4 ~ ~ ~\" legato 4\n  play2 \"~ c4 c4 ~\" mute\n  play3 \"e4*2\" mute\n}\n")]
    public void A_lane_muted_in_the_file_neither_sounds_nor_cuts_what_plays(string tracks)
    {
        var path = Repository.TempFile("muted.seq");
        File.WriteAllText(path, "title \"Muted\"\ntempo 120\n" + tracks);
        PlayerOrderTests.PlaysAsRendered(Expected.Compile(path), bars: 4);
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) seeds.Add(seed);
        return seeds;
    }

    /// <summary>
    /// Random pieces dense in same-key overlaps (few pitches, long legato, drum lanes sharing keys, chords,
    /// alternations, random mutes, controller lanes, forms whose sections switch lanes on and off), played on a
    /// virtual clock: every message and its time must be the rendered file's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_pieces_play_as_they_render(int seed)
    {
        var random = new Random(seed);
        var text = RandomPiece(random);
        var path = Repository.TempFile($"random-{seed}.seq");
        File.WriteAllText(path, text);
        var piece = Expected.Compile(path);
        try
        {
            PlayerOrderTests.PlaysAsRendered(piece, bars: 1 + random.Next(8));
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nthe piece:\n{text}");
        }
    }

    private static string RandomPiece(Random random)
    {
        string[] notes = ["c4", "d4", "c4", "e4", "[c4,e4]", "~", "c4@2", "<c4 d4>", "c4?"];
        string[] hits = ["x", "~", "x", "[x x]", "x?", "<x ~>", "x@3"];
        string[] drums = ["bd", "kick", "sd", "snare", "hh"];
        var text = new System.Text.StringBuilder($"title \"Random\"\ntempo {80 + random.Next(100)}\nmeter {(random.Next(3) == 0 ? "7/8" : "4/4")}\nseed {random.Next(1000)}\n");
        // Half the pieces have a form of two short sections, with lanes that play in one of them only.
        var form = random.Next(2) == 0;
        if (form) text.Append($"form loop a {1 + random.Next(2)}, b {1 + random.Next(2)}\n");
        string InSection(string lane) => form && random.Next(3) == 0 ? $"  in {(random.Next(2) == 0 ? "a" : "b")} {{ {lane.Trim()} }}\n" : lane;
        var channel = 1;
        for (var t = 0; t < 1 + random.Next(3); t++)
        {
            text.Append($"track keys{t} channel {channel++}{(random.Next(2) == 0 ? $" program {random.Next(128)}" : "")} {{\n");
            for (var l = 0; l < 1 + random.Next(4); l++)
            {
                var steps = string.Join(' ', Enumerable.Range(0, 1 + random.Next(6)).Select(_ => notes[random.Next(notes.Length)]));
                var legato = random.Next(3) switch { 0 => "", 1 => $" legato {random.Next(1, 40) / 10.0:0.0}", _ => " legato 0.01" };
                text.Append(InSection($"  play{(l == 0 ? "" : (l + 1).ToString())} \"{steps}\"{legato} vel {1 + random.Next(127)}{(random.Next(4) == 0 ? " mute" : "")}\n"));
            }
            if (random.Next(2) == 0)
            {
                var values = string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => random.Next(3) == 0 ? $"<{random.Next(128)} {random.Next(128)}>" : random.Next(128).ToString()));
                text.Append(InSection($"  cc {1 + random.Next(100)} \"{values}\"{(random.Next(4) == 0 ? " mute" : "")}\n"));
            }
            text.Append("}\n");
        }
        text.Append("track drums channel 10 {\n");
        foreach (var drum in drums.Where(_ => random.Next(2) == 0).DefaultIfEmpty("bd"))
        {
            var steps = string.Join(' ', Enumerable.Range(0, 1 + random.Next(8)).Select(_ => hits[random.Next(hits.Length)]));
            text.Append(InSection($"  {drum} \"{steps}\"{(random.Next(3) == 0 ? " mute" : "")}\n"));
        }
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// The issue's kick, muted live: <c>bd</c> (on the kick's key) plays at first, merging with the kicks it
    /// starts with; it is muted from the clock thread during bar 0, and from the switch on the port gets what the
    /// file with <c>bd</c> muted has: four kicks a bar, each its own half beat.
    /// </summary>
    [Fact]
    public void A_lane_muted_live_stops_cutting_the_lanes_that_play()
    {
        var path = Repository.TempFile("live-mute.seq");
        File.WriteAllText(path, "title \"Live mute\"\ntempo 120\ntrack drums channel 10 {\n  bd \"x ~ x ~\" legato 1\n  kick \"x x x x\" legato 0.5\n}\n");
        var piece = Expected.Compile(path);
        var clock = new VirtualClock();
        PiecePlayer? player = null;
        var sink = new MutingSink(clock, muteAfter: 3, () => player!.Live.SetMuted(player.Lanes.Find("drums.bd"), true));
        using (player = new PiecePlayer(piece, sink, new PlaybackOptions { Bars = 6, Clock = clock, StartDelay = TimeSpan.Zero }))
        {
            Assert.Equal(StopReason.End, player.Run().Reason);
        }
        var kicks = sink.Recording.Messages.Where(m => m.IsNoteOn || m.IsNoteOff).ToList();
        var start = kicks[0].Timestamp;
        const long bar = 2_000_000_000; // 4/4 at 120 BPM in virtual nanoseconds
        // Bars 3 to 5, well past the switch: four kicks a bar, each half a beat long.
        for (var b = 3; b < 6; b++)
        {
            var inBar = kicks.Where(m => m.Timestamp - start >= b * bar && m.Timestamp - start < (b + 1) * bar).ToList();
            Assert.Equal(4, inBar.Count(m => m.IsNoteOn));
            foreach (var on in inBar.Where(m => m.IsNoteOn))
            {
                var off = kicks.First(m => m.IsNoteOff && m.Timestamp > on.Timestamp);
                Assert.Equal(bar / 8, off.Timestamp - on.Timestamp);
            }
        }
        // Before the mute, as the unmuted file has it: the first kick merged with bd's longer note.
        Assert.Equal(4, kicks.Count(m => m.IsNoteOn && m.Timestamp - start < bar));
        Assert.Equal(bar / 4, kicks.First(m => m.IsNoteOff).Timestamp - start);
        Assert.Empty(Compare.Sounding(sink.Recording.Messages));
    }

    /// <summary>Records like <see cref="RecordingSink"/> and runs an action from the clock thread after some messages, as live control would act.</summary>
    private sealed class MutingSink(IClock clock, int muteAfter, Action mute) : IMidiSink
    {
        public RecordingSink Recording { get; } = new(clock);

        public bool Send(ReadOnlySpan<byte> message)
        {
            var sent = Recording.Send(message);
            if (Recording.Count == muteAfter) mute();
            return sent;
        }
    }
}
