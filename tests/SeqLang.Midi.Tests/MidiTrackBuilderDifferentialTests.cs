namespace SeqLang.Midi.Tests;

/// <summary>
/// The track builder against a plain reference of SPEC §7's rules, written here as simply as
/// possible: sort every note by (channel, pitch, start), merge and cut same-pitch overlaps,
/// make every message with its full sort key, sort everything, done. Random inputs with many
/// overlaps, equal ticks, zero-length notes, controllers, programs and bends, added in order,
/// in reverse, shuffled and bar by bar (as the renderer adds them).
/// </summary>
public class MidiTrackBuilderDifferentialTests
{
    private enum Kind { Note, Control, Program, Bend }

    private sealed record Input(Kind Kind, int Channel, int Number, int Value, long Start, long End, int? BankMsb = null, int? BankLsb = null);

    /// <summary>The rules, plainly: the reference the fast builder must agree with message for message.</summary>
    private static List<string> Reference(IReadOnlyList<Input> inputs)
    {
        // (tick, rank, number, channel, sequence, text); rank: off 0, bank/program 1, CC 2, bend 3, on 4.
        var messages = new List<(long Tick, int Rank, int Number, int Channel, long Sequence, string Text)>();
        var notes = new List<(int Channel, int Note, int Velocity, long Start, long End, long Sequence)>();
        long sequence = 0;
        foreach (var input in inputs)
        {
            switch (input.Kind)
            {
                case Kind.Note:
                    notes.Add((input.Channel, input.Number, input.Value, input.Start, Math.Max(input.End, input.Start + 1), sequence++));
                    break;
                case Kind.Control:
                    messages.Add((input.Start, 2, input.Number, input.Channel, sequence++, MidiChannelMessage.ControlChange(input.Start, input.Channel, input.Number, input.Value).ToString()));
                    break;
                case Kind.Program:
                    if (input.BankMsb is { } msb) messages.Add((input.Start, 1, 0, input.Channel, sequence++, MidiChannelMessage.ControlChange(input.Start, input.Channel, 0, msb).ToString()));
                    if (input.BankLsb is { } lsb) messages.Add((input.Start, 1, 0, input.Channel, sequence++, MidiChannelMessage.ControlChange(input.Start, input.Channel, 32, lsb).ToString()));
                    messages.Add((input.Start, 1, 0, input.Channel, sequence++, MidiChannelMessage.ProgramChange(input.Start, input.Channel, input.Number).ToString()));
                    break;
                case Kind.Bend:
                    messages.Add((input.Start, 3, 0, input.Channel, sequence++, MidiChannelMessage.PitchBend(input.Start, input.Channel, input.Value).ToString()));
                    break;
            }
        }

        // Same-pitch overlaps: per (channel, pitch) in start order, equal starts merge (later end, higher
        // velocity), otherwise a note still sounding when the next starts ends there.
        var resolved = new List<(int Channel, int Note, int Velocity, long Start, long End, long Sequence)>();
        foreach (var note in notes.OrderBy(n => n.Channel).ThenBy(n => n.Note).ThenBy(n => n.Start).ThenBy(n => n.Sequence))
        {
            if (resolved.Count > 0 && resolved[^1].Channel == note.Channel && resolved[^1].Note == note.Note)
            {
                var previous = resolved[^1];
                if (previous.Start == note.Start)
                {
                    resolved[^1] = previous with { End = Math.Max(previous.End, note.End), Velocity = Math.Max(previous.Velocity, note.Velocity) };
                    continue;
                }
                if (previous.End > note.Start) resolved[^1] = previous with { End = note.Start };
            }
            resolved.Add(note);
        }
        foreach (var n in resolved)
        {
            messages.Add((n.End, 0, n.Note, n.Channel, n.Sequence, MidiChannelMessage.NoteOff(n.End, n.Channel, n.Note).ToString()));
            messages.Add((n.Start, 4, n.Note, n.Channel, n.Sequence, MidiChannelMessage.NoteOn(n.Start, n.Channel, n.Note, n.Velocity).ToString()));
        }
        return messages.OrderBy(m => m.Tick).ThenBy(m => m.Rank).ThenBy(m => m.Number).ThenBy(m => m.Channel).ThenBy(m => m.Sequence)
            .Select(m => m.Text).ToList();
    }

    private static MidiTrackBuilder Add(MidiTrackBuilder builder, IEnumerable<Input> inputs)
    {
        foreach (var input in inputs)
        {
            switch (input.Kind)
            {
                case Kind.Note: builder.AddNote(input.Channel, input.Number, input.Value, input.Start, input.End); break;
                case Kind.Control: builder.AddControlChange(input.Channel, input.Start, input.Number, input.Value); break;
                case Kind.Program: builder.AddProgramChange(input.Channel, input.Start, input.Number, input.BankMsb, input.BankLsb); break;
                case Kind.Bend: builder.AddPitchBend(input.Channel, input.Start, input.Value); break;
            }
        }
        return builder;
    }

    private static List<string> Lines(MidiTrack track) => track.Messages.Select(m => m.ToString()).ToList();

    /// <summary>Random events, dense in few ticks, channels and pitches so that collisions are common.</summary>
    private static List<Input> RandomInputs(Random random, int count, int tickRange, int channels, int pitches, bool controllers)
    {
        var inputs = new List<Input>(count);
        for (var i = 0; i < count; i++)
        {
            var start = (long)random.Next(0, tickRange);
            var channel = random.Next(channels);
            var roll = controllers ? random.Next(20) : 0;
            if (roll < 15)
            {
                // Lengths from "negative" and zero (one tick after the floor) to long enough to span many others.
                var length = random.Next(4) switch { 0 => random.Next(-3, 2), 1 => random.Next(1, 4), 2 => random.Next(1, 40), _ => random.Next(1, tickRange) };
                inputs.Add(new Input(Kind.Note, channel, 60 + random.Next(pitches), random.Next(1, 128), start, start + length));
            }
            else if (roll < 18)
            {
                inputs.Add(new Input(Kind.Control, channel, random.Next(3) == 0 ? 0 : random.Next(128), random.Next(128), start, start));
            }
            else if (roll < 19)
            {
                inputs.Add(new Input(Kind.Program, channel, random.Next(128), 0, start, start,
                    random.Next(2) == 0 ? random.Next(128) : null, random.Next(2) == 0 ? random.Next(128) : null));
            }
            else
            {
                inputs.Add(new Input(Kind.Bend, channel, 0, random.Next(MidiChannelMessage.MinPitchBend, MidiChannelMessage.MaxPitchBend + 1), start, start));
            }
        }
        return inputs;
    }

    /// <summary>Sorted by start, then cut into "bars" whose events come lane by lane: nearly sorted, as from the renderer.</summary>
    private static List<Input> BarByBar(List<Input> inputs, int barTicks, int lanes)
    {
        var result = new List<Input>(inputs.Count);
        foreach (var bar in inputs.OrderBy(i => i.Start).GroupBy(i => i.Start / barTicks))
        {
            var inBar = bar.ToList();
            for (var lane = 0; lane < lanes; lane++) result.AddRange(inBar.Where((_, index) => index % lanes == lane));
        }
        return result;
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++) seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AgreesWithThePlainRulesOnRandomInput(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var count = random.Next(0, 400);
            var tickRange = random.Next(1, 4) switch { 1 => random.Next(1, 8), 2 => random.Next(8, 200), _ => random.Next(200, 5000) };
            var inputs = RandomInputs(random, count, tickRange, channels: random.Next(1, 17), pitches: random.Next(1, 8), controllers: random.Next(3) > 0);
            var orders = new List<(string Name, List<Input> Order)>
            {
                ("as generated", inputs),
                ("reversed", Enumerable.Reverse(inputs).ToList()),
                ("sorted by start", inputs.OrderBy(i => i.Start).ToList()),
                ("bar by bar", BarByBar(inputs, random.Next(1, 500), random.Next(1, 6))),
            };
            foreach (var (name, order) in orders)
            {
                // Controllers of equal tick, number and channel keep their order of insertion: the reference
                // sees the same order.
                var reference = Reference(order);
                var builder = Add(new MidiTrackBuilder("t"), order);
                var built = Lines(builder.Build());
                Assert.True(reference.SequenceEqual(built), $"seed {seed}, round {round}, {name}: {Diff(reference, built)}");
                Assert.True(reference.SequenceEqual(Lines(builder.Build())), $"seed {seed}, round {round}, {name}: second Build differs");
            }
        }
    }

    [Fact]
    public void BuildingInStagesAgreesWithBuildingOnce()
    {
        var random = new Random(99);
        var inputs = RandomInputs(random, 3000, 4000, channels: 3, pitches: 6, controllers: true);
        var ordered = BarByBar(inputs, 480, 3);
        var builder = new MidiTrackBuilder("t");
        for (var from = 0; from < ordered.Count; from += 700)
        {
            Add(builder, ordered.Skip(from).Take(700));
            var reference = Reference(ordered.Take(from + 700).ToList());
            Assert.True(reference.SequenceEqual(Lines(builder.Build())), $"after {from + 700} events");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AgreesOnLargeInputInAnyOrder(int seed)
    {
        // Large enough that an adaptive sort for nearly sorted input meets input that is not.
        var random = new Random(seed);
        var inputs = RandomInputs(random, 60_000, 200_000, channels: 4, pitches: 12, controllers: true);
        var expected = Reference(inputs);
        Assert.True(expected.SequenceEqual(Lines(Add(new MidiTrackBuilder("t"), inputs).Build())), "random order");
        var reversed = Enumerable.Reverse(inputs).ToList();
        Assert.True(Reference(reversed).SequenceEqual(Lines(Add(new MidiTrackBuilder("t"), reversed).Build())), "reversed");
        var nearly = BarByBar(inputs, 1920, 8);
        Assert.True(Reference(nearly).SequenceEqual(Lines(Add(new MidiTrackBuilder("t"), nearly).Build())), "bar by bar");
    }

    [Fact]
    public void AgreesOnTicksBeyondThirtyTwoBits()
    {
        var random = new Random(5);
        var inputs = RandomInputs(random, 300, 50, channels: 2, pitches: 3, controllers: true)
            .Select(i => i with { Start = i.Start + (1L << 40), End = i.End + (1L << 40) }).ToList();
        Assert.True(Reference(inputs).SequenceEqual(Lines(Add(new MidiTrackBuilder("t"), inputs).Build())));
    }

    private static string Diff(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i] != actual[i]) return $"first difference at message {i}: expected '{expected[i]}', got '{actual[i]}'";
        }
        return $"expected {expected.Count} messages, got {actual.Count}";
    }
}
