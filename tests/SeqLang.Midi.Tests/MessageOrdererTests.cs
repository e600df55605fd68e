namespace SeqLang.Midi.Tests;

/// <summary>
/// The one orderer, incrementally: fed bar by bar and emptied before each next bar line (as the renderer and
/// the player use it), it gives exactly what it gives fed everything at once, per track and merged across
/// tracks by (tick, file order); and notes carried over from a version played before end where they should.
/// </summary>
public class MessageOrdererTests
{
    private sealed record Note(int Track, int Channel, int Pitch, int Velocity, long Start, long End, int Lane);

    private sealed class Collect : List<OrderedMessage>;

    private struct Sink(Collect into) : IOrderedMessageSink
    {
        public readonly void Write(in OrderedMessage message) => into.Add(message);
    }

    private static List<Note> RandomNotes(Random random, int bars, int barTicks, int tracks)
    {
        var notes = new List<Note>();
        for (var bar = 0; bar < bars; bar++)
        {
            var count = random.Next(0, 12);
            for (var i = 0; i < count; i++)
            {
                var start = bar * barTicks + random.Next(barTicks);
                var length = random.Next(3) switch { 0 => random.Next(-2, 2), 1 => random.Next(1, barTicks), _ => random.Next(1, 4 * barTicks) };
                notes.Add(new Note(random.Next(tracks), random.Next(2), 60 + random.Next(4), random.Next(1, 128), start, start + length, random.Next(3)));
            }
        }
        return notes;
    }

    private static void Add(MessageOrderer orderer, Note n) => orderer.AddNote(n.Track, n.Channel, n.Pitch, n.Velocity, n.Start, n.End, n.Lane);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 30; seed++) seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bar_by_bar_gives_what_all_at_once_gives(int seed)
    {
        const int barTicks = 16, bars = 12, tracks = 3;
        var random = new Random(seed);
        var notes = RandomNotes(random, bars, barTicks, tracks);
        var controls = Enumerable.Range(0, 10).Select(_ => (Track: random.Next(tracks), Tick: (long)random.Next(bars * barTicks), Number: random.Next(3), Value: random.Next(128))).ToList();

        var whole = new MessageOrderer(tracks);
        foreach (var n in notes) Add(whole, n);
        foreach (var c in controls) whole.AddControlChange(c.Track, 0, c.Tick, c.Number, c.Value);
        var expected = new Collect();
        var expectedSink = new Sink(expected);
        whole.EmitBefore(long.MaxValue, ref expectedSink);

        var incremental = new MessageOrderer(tracks);
        var actual = new Collect();
        var sink = new Sink(actual);
        for (var bar = 0; bar < bars; bar++)
        {
            // Within a bar, lane by lane (here: in reverse), as the event stream gives them.
            foreach (var n in notes.Where(n => n.Start / barTicks == bar).Reverse()) Add(incremental, n);
            foreach (var c in controls.Where(c => c.Tick / barTicks == bar)) incremental.AddControlChange(c.Track, 0, c.Tick, c.Number, c.Value);
            incremental.EmitBefore((bar + 1) * barTicks, ref sink);
        }
        incremental.EmitBefore(long.MaxValue, ref sink);

        Assert.Equal(expected, actual);
        // Merged across tracks by tick, then file order; each note-on has its note-off, and one per key at a time.
        for (var i = 1; i < actual.Count; i++)
            Assert.True(actual[i - 1].Tick < actual[i].Tick || (actual[i - 1].Tick == actual[i].Tick && actual[i - 1].Track <= actual[i].Track));
        var sounding = new Dictionary<(int, int, int), long>();
        foreach (var m in actual.Where(m => m.IsNoteOn || m.IsNoteOff))
        {
            var key = (m.Track, m.Channel, m.Data1);
            if (m.IsNoteOn)
            {
                Assert.False(sounding.ContainsKey(key), $"key {key} struck while sounding at {m.Tick}");
                sounding[key] = m.Tick;
            }
            else
            {
                Assert.True(sounding.Remove(key, out var on), $"note-off without a note-on at {m.Tick}");
                Assert.Equal(on, m.OnTick);
                Assert.True(m.Tick > on);
            }
        }
        Assert.Empty(sounding);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Track_by_track_is_each_track_of_the_merged_order(int seed)
    {
        var random = new Random(seed);
        var notes = RandomNotes(random, 8, 16, 4);
        var a = new MessageOrderer(4);
        var b = new MessageOrderer(4);
        foreach (var n in notes)
        {
            Add(a, n);
            Add(b, n);
        }
        var merged = new Collect();
        var byTrack = new Collect();
        var s1 = new Sink(merged);
        var s2 = new Sink(byTrack);
        a.EmitBefore(long.MaxValue, ref s1);
        b.EmitTracksBefore(long.MaxValue, ref s2);
        for (var t = 0; t < 4; t++) Assert.Equal(merged.Where(m => m.Track == t), byTrack.Where(m => m.Track == t));
    }

    [Fact]
    public void A_carried_note_ends_at_its_end_or_where_its_key_is_struck_again()
    {
        var orderer = new MessageOrderer(1);
        orderer.Carry(0, 0, 60, onTick: 10, end: 200, lane: 2);
        orderer.Carry(0, 0, 62, onTick: 20, end: 120, lane: 1);
        orderer.AddNote(0, 0, 60, 100, 100, 150, lane: 0);
        var output = new Collect();
        var sink = new Sink(output);
        orderer.EmitBefore(long.MaxValue, ref sink);
        Assert.Equal(new[]
        {
            new OrderedMessage(100, 0, 2, 0x80, 60, 0, 10),   // the carried c4 cut by the new one
            new OrderedMessage(100, 0, 0, 0x90, 60, 100),
            new OrderedMessage(120, 0, 1, 0x80, 62, 0, 20),   // the carried d4 at its own end
            new OrderedMessage(150, 0, 0, 0x80, 60, 0, 100),
        }, output);
    }

    [Fact]
    public void Adding_before_what_was_emitted_is_a_bug_and_says_so()
    {
        var orderer = new MessageOrderer(1);
        var sink = new Sink(new Collect());
        orderer.EmitBefore(100, ref sink);
        Assert.Throws<InvalidOperationException>(() => orderer.AddNote(0, 0, 60, 100, 99, 120));
        Assert.Throws<InvalidOperationException>(() => orderer.AddControlChange(0, 0, 50, 7, 100));
        orderer.AddNote(0, 0, 60, 100, 100, 120);
    }

    [Fact]
    public void Bad_fields_are_refused_as_the_message_factories_refuse_them()
    {
        var orderer = new MessageOrderer(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => orderer.AddNote(0, 16, 60, 100, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => orderer.AddNote(0, 0, 128, 100, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => orderer.AddNote(0, 0, 60, 0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => orderer.AddControlChange(0, 0, 0, 128, 1));
    }
}
