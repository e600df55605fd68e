using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.Control;
using static SeqLang.Player.Control.ControlEvent;

namespace SeqLang.Player.Tests.Control;

/// <summary>
/// <see cref="ControlDecoder"/>: messages as RtMidi hands them over, one complete message each, written as the
/// bytes a device sends; each test feeds a sequence and checks every message's outcome (an event or nothing).
/// </summary>
public sealed class ControlDecoderTests
{
    /// <summary>What each message yields, in order: null where the message yields no event.</summary>
    private static List<ControlEvent?> Decode(ControlDecoder decoder, params byte[][] messages)
    {
        var result = new List<ControlEvent?>();
        foreach (var m in messages) result.Add(decoder.TryDecode(m, out var e) ? e : null);
        return result;
    }

    private static List<ControlEvent?> Decode(params byte[][] messages) => Decode(new ControlDecoder(), messages);

    private static byte[] Cc(int channel, int controller, int value) => [(byte)(0xB0 | channel), (byte)controller, (byte)value];

    [Fact]
    public void Notes_on_and_off_and_a_note_on_with_velocity_0_is_a_note_off()
    {
        Assert.Equal(
            [NoteOn(0, 60, 100), NoteOff(0, 60, 64), NoteOn(9, 36, 127), NoteOff(9, 36, 10)],
            Decode([0x90, 60, 100], [0x90, 60, 0], [0x99, 36, 127], [0x89, 36, 10]));
    }

    [Fact]
    public void A_plain_controller_is_reported_with_its_channel()
    {
        Assert.Equal([ControlChange7(0, 74, 0), ControlChange7(15, 74, 127), ControlChange7(3, 6, 20)],
            Decode(Cc(0, 74, 0), Cc(15, 74, 127), Cc(3, 6, 20))); // CC 6 with no parameter selected is a plain CC
    }

    [Fact]
    public void A_14_bit_pair_reports_the_msb_at_once_and_the_lsb_refines_it()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        Assert.Equal(
            [
                ControlChange14(0, 1, 64 << 7),        // MSB: the value at once, LSB taken as 0
                ControlChange14(0, 1, (64 << 7) | 5),  // LSB refines it
                ControlChange14(0, 1, (64 << 7) | 9),  // a later LSB alone refines the same MSB (MIDI 1.0 allows it)
                ControlChange14(0, 1, 65 << 7),        // a new MSB resets the LSB to 0
            ],
            Decode(decoder, Cc(0, 1, 64), Cc(0, 33, 5), Cc(0, 33, 9), Cc(0, 1, 65)));
    }

    [Fact]
    public void A_14_bit_pair_whose_device_never_sends_the_lsb_steps_by_128()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(7)]);
        Assert.Equal([ControlChange14(2, 7, 0), ControlChange14(2, 7, 100 << 7), ControlChange14(2, 7, 127 << 7)],
            Decode(decoder, Cc(2, 7, 0), Cc(2, 7, 100), Cc(2, 7, 127)));
    }

    [Fact]
    public void An_lsb_before_any_msb_yields_nothing_and_other_controllers_stay_7_bit()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        Assert.Equal([null, ControlChange14(0, 1, 3 << 7), ControlChange7(0, 2, 40), ControlChange7(0, 34, 40)],
            Decode(decoder, Cc(0, 33, 50), Cc(0, 1, 3), Cc(0, 2, 40), Cc(0, 34, 40)));
    }

    [Fact]
    public void An_explicit_pair_joins_any_two_controllers_per_channel()
    {
        var decoder = new ControlDecoder([new ControllerPair(74, 75)]);
        Assert.Equal(
            [ControlChange14(0, 74, 10 << 7), ControlChange14(1, 74, 20 << 7), ControlChange14(0, 74, (10 << 7) | 1), ControlChange14(1, 74, (20 << 7) | 2)],
            Decode(decoder, Cc(0, 74, 10), Cc(1, 74, 20), Cc(0, 75, 1), Cc(1, 75, 2)));
    }

    [Fact]
    public void An_nrpn_selection_is_consumed_and_data_entry_reports_the_parameter()
    {
        // keys.cutoff at NRPN 0:32 (SPEC §11's example), set to 8192 + 3 the way most devices send it.
        Assert.Equal(
            [null, null, Nrpn(0, 32, 64 << 7), Nrpn(0, 32, (64 << 7) | 3)],
            Decode(Cc(0, 99, 0), Cc(0, 98, 32), Cc(0, 6, 64), Cc(0, 38, 3)));
    }

    [Fact]
    public void The_parameter_number_bytes_may_come_in_either_order()
    {
        Assert.Equal([null, null, Nrpn(0, (1 << 7) | 2, 5 << 7)], Decode(Cc(0, 98, 2), Cc(0, 99, 1), Cc(0, 6, 5)));
    }

    [Fact]
    public void Data_entry_msb_alone_and_a_new_selection_forgets_the_data_msb()
    {
        Assert.Equal(
            [null, null, Nrpn(0, 1, 10 << 7), Nrpn(0, 1, 11 << 7), null, null],
            // after reselecting, an LSB has no MSB to refine: nothing
            Decode(Cc(0, 99, 0), Cc(0, 98, 1), Cc(0, 6, 10), Cc(0, 6, 11), Cc(0, 98, 2), Cc(0, 38, 7)));
    }

    [Fact]
    public void An_rpn_after_an_nrpn_selects_the_registered_parameter_with_its_own_registers()
    {
        Assert.Equal(
            [
                null, null, Nrpn(0, (3 << 7) | 4, 1 << 7),
                null, null, Rpn(0, 0, 12 << 7),          // pitch-bend range: 12 semitones
                Rpn(0, 0, (12 << 7) | 50),
                null, Nrpn(0, (3 << 7) | 5, 2 << 7),     // back to NRPN: its MSB register (3) was kept
            ],
            Decode(
                Cc(0, 99, 3), Cc(0, 98, 4), Cc(0, 6, 1),
                Cc(0, 101, 0), Cc(0, 100, 0), Cc(0, 6, 12),
                Cc(0, 38, 50),
                Cc(0, 98, 5), Cc(0, 6, 2)));
    }

    [Fact]
    public void The_null_rpn_deselects_and_data_entry_is_a_plain_cc_again()
    {
        Assert.Equal(
            [null, null, Rpn(0, 1, 64 << 7), null, null, ControlChange7(0, 6, 9), ControlChange7(0, 38, 1), ControlChange7(0, 96, 0)],
            Decode(Cc(0, 101, 0), Cc(0, 100, 1), Cc(0, 6, 64), Cc(0, 101, 127), Cc(0, 100, 127), Cc(0, 6, 9), Cc(0, 38, 1), Cc(0, 96, 0)));
    }

    [Fact]
    public void Selection_controllers_are_never_plain_ccs_and_half_a_selection_swallows_data_entry()
    {
        // Only the MSB of an NRPN so far: the parameter is unknown, so data entry reports nothing (not a CC 6 either).
        Assert.Equal([null, null, null, null], Decode(Cc(0, 99, 7), Cc(0, 6, 1), Cc(0, 38, 1), Cc(0, 96, 0)));
    }

    [Fact]
    public void Increment_and_decrement_step_the_selected_parameter()
    {
        Assert.Equal(
            [null, null, NrpnStep(0, 130, 1), NrpnStep(0, 130, -1), null, null, RpnStep(0, 2, 1)],
            Decode(Cc(0, 99, 1), Cc(0, 98, 2), Cc(0, 96, 0), Cc(0, 97, 5), Cc(0, 101, 0), Cc(0, 100, 2), Cc(0, 96, 0)));
    }

    [Fact]
    public void Interleaved_channels_keep_their_own_selections_and_pairs()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        Assert.Equal(
            [
                null, null,                         // ch1 selects NRPN 0:10 ...
                ControlChange14(1, 1, 5 << 7),      // ... ch2 moves its mod wheel
                null, null,                         // ch2 selects RPN 0:0
                ControlChange7(2, 6, 33),           // ch3 has nothing selected: a plain CC 6
                Nrpn(0, 10, 100 << 7),              // ch1's data entry goes to ch1's parameter
                Rpn(1, 0, 2 << 7),
                ControlChange14(1, 1, (5 << 7) | 1),
                null,                               // ch1 has seen no mod wheel MSB
                Nrpn(0, 10, (100 << 7) | 127),
            ],
            Decode(decoder,
                Cc(0, 99, 0), Cc(0, 98, 10),
                Cc(1, 1, 5),
                Cc(1, 101, 0), Cc(1, 100, 0),
                Cc(2, 6, 33),
                Cc(0, 6, 100),
                Cc(1, 6, 2),
                Cc(1, 33, 1),
                Cc(0, 33, 1),
                Cc(0, 38, 127)));
    }

    [Fact]
    public void A_pair_on_data_entry_is_14_bit_only_while_no_parameter_is_selected()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(6)]);
        Assert.Equal(
            [ControlChange14(0, 6, 1 << 7), null, null, Nrpn(0, 1, 2 << 7), Nrpn(0, 1, (2 << 7) | 3)],
            Decode(decoder, Cc(0, 6, 1), Cc(0, 99, 0), Cc(0, 98, 1), Cc(0, 6, 2), Cc(0, 38, 3)));
    }

    [Fact]
    public void Realtime_messages_and_song_position()
    {
        Assert.Equal(
            [Realtime(ControlEventKind.Clock), Realtime(ControlEventKind.Start), Realtime(ControlEventKind.Continue), Realtime(ControlEventKind.Stop),
             SongPosition(0x05 | (0x02 << 7))],
            Decode([0xF8], [0xFA], [0xFB], [0xFC], [0xF2, 0x05, 0x02]));
    }

    [Fact]
    public void Realtime_between_the_messages_of_an_nrpn_does_not_disturb_it()
    {
        Assert.Equal([null, Realtime(ControlEventKind.Clock), null, Nrpn(4, 1, 1 << 7)],
            Decode(Cc(4, 99, 0), [0xF8], Cc(4, 98, 1), Cc(4, 6, 1)));
    }

    [Fact]
    public void Other_and_malformed_messages_yield_nothing_and_change_no_state()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        Assert.Equal(
            [null, null, null, null, null, null, null, null, null, null, null, ControlChange14(0, 1, 0)],
            Decode(decoder,
                [],
                [0xC0, 5],                   // program change
                [0xE0, 0, 64],               // pitch bend
                [0xD0, 3],                   // channel pressure
                [0xF0, 0x7E, 0x7F, 0xF7],    // SysEx
                [60, 100],                   // running status: RtMidi never sends it
                [0x90, 60],                  // truncated note-on
                [0xB0, 1, 0x80],             // data byte with bit 7 set
                [0xB0, 33, 5, 0],            // too long
                [0xF8, 0],                   // realtime with a stray byte
                [0xF2, 1],                   // truncated song position
                Cc(0, 1, 0)));
    }

    [Fact]
    public void Reset_forgets_selections_and_msbs()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        Decode(decoder, Cc(0, 99, 0), Cc(0, 98, 1), Cc(0, 1, 9));
        decoder.Reset();
        Assert.Equal([ControlChange7(0, 6, 4), null], Decode(decoder, Cc(0, 6, 4), Cc(0, 33, 4)));
    }

    [Fact]
    public void Pairs_that_overlap_or_touch_parameter_selection_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ControlDecoder([ControllerPair.Standard(1), new ControllerPair(33, 40)]));
        Assert.Throws<ArgumentException>(() => new ControlDecoder([new ControllerPair(99, 100)]));
        Assert.Throws<ArgumentException>(() => new ControllerPair(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControllerPair.Standard(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ControllerPair(1, 128));
        Assert.Equal(new ControllerPair(31, 63), ControllerPair.Standard(31));
    }

    [Fact]
    public void Events_print_as_a_person_reads_them()
    {
        Assert.Equal("nrpn ch1 0:32 = 8195", Nrpn(0, 32, 8195).ToString());
        Assert.Equal("rpn-step ch16 0:2 -1", RpnStep(15, 2, -1).ToString());
        Assert.Equal("cc14 ch2 1 = 640", ControlChange14(1, 1, 640).ToString());
        Assert.Equal("clock", Realtime(ControlEventKind.Clock).ToString());
    }

    [Fact]
    public void Decoding_allocates_nothing()
    {
        var decoder = new ControlDecoder([ControllerPair.Standard(1)]);
        byte[][] messages = [Cc(0, 99, 0), Cc(0, 98, 1), Cc(0, 6, 2), Cc(0, 38, 3), Cc(0, 96, 0), Cc(1, 1, 5), Cc(1, 33, 6), [0x90, 1, 2], [0x90, 1, 0], [0xF8], [0xF2, 1, 2], Cc(2, 74, 1)];
        var count = 0;
        foreach (var m in messages) count += decoder.TryDecode(m, out _) ? 1 : 0; // first calls: JIT
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            foreach (var m in messages) count += decoder.TryDecode(m, out _) ? 1 : 0;
        }
        Allocations.AssertNone(GC.GetAllocatedBytesForCurrentThread() - before, 10_000 * messages.Length, "decoding");
        Assert.Equal(10 * 10_001, count);
    }
}
