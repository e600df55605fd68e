namespace SeqLang.Midi.Tests;

public class MidiTrackBuilderTests
{
    private static string[] Lines(MidiTrack track) => track.Messages.Select(m => m.ToString()).ToArray();

    [Fact]
    public void OrdersEqualTicksAsOffsBankProgramControllersBendOns()
    {
        var builder = new MidiTrackBuilder("t");
        // Added in the reverse of the expected order, to show the order is the builder's.
        builder.AddNote(0, 64, 90, 480, 960);
        builder.AddNote(0, 60, 80, 480, 960);
        builder.AddPitchBend(0, 480, 100);
        builder.AddControlChange(0, 480, 7, 100);
        builder.AddControlChange(0, 480, 1, 20);
        builder.AddProgramChange(0, 480, 5, bankMsb: 1, bankLsb: 2);
        builder.AddNote(0, 62, 70, 0, 480);   // ends at 480
        builder.AddNote(0, 48, 70, 0, 480);   // ends at 480

        Assert.Equal(new[]
        {
            "0 NoteOn ch0 48 70",
            "0 NoteOn ch0 62 70",
            "480 NoteOff ch0 48 0",          // note-offs first, ascending note
            "480 NoteOff ch0 62 0",
            "480 ControlChange ch0 0 1",     // bank MSB, bank LSB, program: together, in that order
            "480 ControlChange ch0 32 2",
            "480 ProgramChange ch0 5",
            "480 ControlChange ch0 1 20",    // controllers, ascending controller number
            "480 ControlChange ch0 7 100",
            "480 PitchBend ch0 100 64",      // 100 + 8192 = 64×128 + 100: LSB 100, MSB 64
            "480 NoteOn ch0 60 80",          // note-ons last, ascending note
            "480 NoteOn ch0 64 90",
            "960 NoteOff ch0 60 0",
            "960 NoteOff ch0 64 0",
        }, Lines(builder.Build()));
    }

    [Fact]
    public void WithinAKindOrdersByNumberThenChannelThenInsertion()
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddControlChange(5, 0, 10, 1);
        builder.AddControlChange(2, 0, 10, 2);
        builder.AddControlChange(2, 0, 10, 3);   // same controller, channel and tick: kept in insertion order
        builder.AddControlChange(9, 0, 3, 4);
        builder.AddNote(4, 60, 100, 0, 10);
        builder.AddNote(1, 60, 100, 0, 10);
        builder.AddPitchBend(3, 0, 0);
        builder.AddPitchBend(1, 0, 0);

        Assert.Equal(new[]
        {
            "0 ControlChange ch9 3 4",
            "0 ControlChange ch2 10 2",
            "0 ControlChange ch2 10 3",
            "0 ControlChange ch5 10 1",
            "0 PitchBend ch1 0 64",
            "0 PitchBend ch3 0 64",
            "0 NoteOn ch1 60 100",
            "0 NoteOn ch4 60 100",
            "10 NoteOff ch1 60 0",
            "10 NoteOff ch4 60 0",
        }, Lines(builder.Build()));
    }

    [Fact]
    public void BankAndProgramComeBeforeAnExplicitControllerZeroAtTheSameTick()
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddControlChange(0, 0, 0, 9);
        builder.AddProgramChange(0, 0, 38, bankMsb: 3);
        Assert.Equal(new[] { "0 ControlChange ch0 0 3", "0 ProgramChange ch0 38", "0 ControlChange ch0 0 9" }, Lines(builder.Build()));
    }

    [Fact]
    public void ProgramWithoutBankIsOneMessage() =>
        Assert.Equal(new[] { "0 ProgramChange ch9 0" }, Lines(new MidiTrackBuilder("t").AddProgramChange(9, 0, 0).Build()));

    [Fact]
    public void ASamePitchNoteOnEndsTheSoundingNoteAtThatTick()
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddNote(0, 60, 100, 0, 960);
        builder.AddNote(0, 60, 90, 480, 600);
        builder.AddNote(1, 60, 80, 0, 960);   // another channel: untouched
        Assert.Equal(new[]
        {
            "0 NoteOn ch0 60 100",
            "0 NoteOn ch1 60 80",
            "480 NoteOff ch0 60 0",   // cut here, before the new note-on
            "480 NoteOn ch0 60 90",
            "600 NoteOff ch0 60 0",
            "960 NoteOff ch1 60 0",
        }, Lines(builder.Build()));
    }

    [Fact]
    public void ALongNoteIsCutByTheFirstOfSeveralLaterNotes()
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddNote(0, 60, 100, 0, 1000);
        builder.AddNote(0, 60, 100, 300, 310);
        builder.AddNote(0, 60, 100, 100, 200);
        Assert.Equal(new[]
        {
            "0 NoteOn ch0 60 100",
            "100 NoteOff ch0 60 0",
            "100 NoteOn ch0 60 100",
            "200 NoteOff ch0 60 0",
            "300 NoteOn ch0 60 100",
            "310 NoteOff ch0 60 0",
        }, Lines(builder.Build()));
    }

    [Theory]
    [InlineData(100, 200, 80, 90, 200, 90)]    // same start: longer end, higher velocity
    [InlineData(300, 200, 110, 100, 300, 110)]
    [InlineData(200, 200, 64, 64, 200, 64)]
    public void NotesOfOnePitchStartingTogetherMergeIntoOne(long end1, long end2, int vel1, int vel2, long expectedEnd, int expectedVelocity)
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddNote(3, 50, vel1, 0, end1);
        builder.AddNote(3, 50, vel2, 0, end2);
        Assert.Equal(new[] { $"0 NoteOn ch3 50 {expectedVelocity}", $"{expectedEnd} NoteOff ch3 50 0" }, Lines(builder.Build()));
    }

    [Theory]
    [InlineData(100, 100)]   // zero length, as legato 0 or rounding gives
    [InlineData(100, 99)]    // "negative" length
    [InlineData(100, 101)]   // already one tick
    public void EveryNoteLastsAtLeastOneTick(long start, long end) =>
        Assert.Equal(new[] { $"{start} NoteOn ch0 60 100", $"{start + 1} NoteOff ch0 60 0" },
            Lines(new MidiTrackBuilder("t").AddNote(0, 60, 100, start, end).Build()));

    [Fact]
    public void AOneTickNoteFollowedAtOnceBySamePitchKeepsItsTick()
    {
        var builder = new MidiTrackBuilder("t");
        builder.AddNote(0, 60, 100, 10, 10);
        builder.AddNote(0, 60, 100, 11, 20);
        Assert.Equal(new[] { "10 NoteOn ch0 60 100", "11 NoteOff ch0 60 0", "11 NoteOn ch0 60 100", "20 NoteOff ch0 60 0" }, Lines(builder.Build()));
    }

    [Fact]
    public void RejectsBadNotesWhenAddedNotWhenBuilt()
    {
        var builder = new MidiTrackBuilder("t");
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddNote(16, 60, 100, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddNote(0, 60, 0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddNote(0, -1, 100, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddNote(0, 60, 100, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddProgramChange(0, 0, 1, bankMsb: 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddProgramChange(0, 0, 1, bankMsb: 1, bankLsb: 128));
        Assert.Empty(builder.Build().Messages);
    }

    [Fact]
    public void BuildIsRepeatableAndIndependentOfInsertionOrderOfDistinctEvents()
    {
        var notes = Enumerable.Range(0, 40).Select(i => (Channel: i % 3, Note: 60 + i % 5, Velocity: 1 + i, Start: (long)(i * 37 % 200), End: (long)(i * 37 % 200 + 50))).ToList();
        var forward = new MidiTrackBuilder("t");
        foreach (var n in notes) forward.AddNote(n.Channel, n.Note, n.Velocity, n.Start, n.End);
        var backward = new MidiTrackBuilder("t");
        foreach (var n in Enumerable.Reverse(notes)) backward.AddNote(n.Channel, n.Note, n.Velocity, n.Start, n.End);

        Assert.Equal(Lines(forward.Build()), Lines(forward.Build()));
        Assert.Equal(Lines(forward.Build()), Lines(backward.Build()));
    }

    [Fact]
    public void RandomNotesNeverStrikeASoundingKeyAndAlwaysBalance()
    {
        var random = new Random(1234);
        var builder = new MidiTrackBuilder("t");
        for (var i = 0; i < 2000; i++)
        {
            var start = random.Next(0, 2000);
            builder.AddNote(random.Next(0, 3), random.Next(58, 63), random.Next(1, 128), start, start + random.Next(-5, 300));
        }
        var track = builder.Build();

        var sounding = new Dictionary<(int, int), long>();
        long previousTick = 0;
        foreach (var m in track.Messages)
        {
            Assert.True(m.Tick >= previousTick, "ticks ascend");
            previousTick = m.Tick;
            var key = (m.Channel, (int)m.Data1);
            if (m.Kind == MidiMessageKind.NoteOn)
            {
                Assert.False(sounding.ContainsKey(key), $"note-on while sounding: {m}");
                sounding[key] = m.Tick;
            }
            else
            {
                Assert.True(sounding.Remove(key, out var start), $"note-off with nothing sounding: {m}");
                Assert.True(m.Tick - start >= 1, $"note shorter than a tick: {m}");
            }
        }
        Assert.Empty(sounding);
    }
}
