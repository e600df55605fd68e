namespace SeqLang.Patterns.Tests;

/// <summary>
/// The arpeggio orders against Tidal's own: the table below is the output of the <c>arps</c> table in
/// tidal-core/src/Sound/Tidal/UI.hs at Tidal commit fefb1c364af42be265e9f02477d6d2d8fb2ec2b9, run in
/// Hugs 98 on each chord (a scratch script outside this repository, Tidal being GPL: only its answers
/// are here). Tidal's <c>up&amp;down</c> and <c>down&amp;up</c> appear under SeqLang's words.
/// </summary>
public sealed class ArpeggioTests
{
    /// <summary>Mode, chord (lowest first), Tidal's notes in order.</summary>
    public static TheoryData<string, string, string> TidalTable => new()
    {
        { "up", "", "" },
        { "up", "60", "60" },
        { "up", "0 4", "0 4" },
        { "up", "60 60", "60 60" },
        { "up", "0 4 7", "0 4 7" },
        { "up", "60 64 67 71", "60 64 67 71" },
        { "up", "60 60 64", "60 60 64" },
        { "up", "0 4 7 11 14", "0 4 7 11 14" },
        { "up", "48 55 60 64 67 72", "48 55 60 64 67 72" },
        { "down", "", "" },
        { "down", "60", "60" },
        { "down", "0 4", "4 0" },
        { "down", "60 60", "60 60" },
        { "down", "0 4 7", "7 4 0" },
        { "down", "60 64 67 71", "71 67 64 60" },
        { "down", "60 60 64", "64 60 60" },
        { "down", "0 4 7 11 14", "14 11 7 4 0" },
        { "down", "48 55 60 64 67 72", "72 67 64 60 55 48" },
        // updown of []: Tidal fails (init [])
        { "updown", "60", "" },
        { "updown", "0 4", "0 4" },
        { "updown", "60 60", "60 60" },
        { "updown", "0 4 7", "0 4 7 4" },
        { "updown", "60 64 67 71", "60 64 67 71 67 64" },
        { "updown", "60 60 64", "60 60 64 60" },
        { "updown", "0 4 7 11 14", "0 4 7 11 14 11 7 4" },
        { "updown", "48 55 60 64 67 72", "48 55 60 64 67 72 67 64 60 55" },
        // downup of []: Tidal fails (init [])
        { "downup", "60", "" },
        { "downup", "0 4", "4 0" },
        { "downup", "60 60", "60 60" },
        { "downup", "0 4 7", "7 4 0 4" },
        { "downup", "60 64 67 71", "71 67 64 60 64 67" },
        { "downup", "60 60 64", "64 60 60 60" },
        { "downup", "0 4 7 11 14", "14 11 7 4 0 4 7 11" },
        { "downup", "48 55 60 64 67 72", "72 67 64 60 55 48 55 60 64 67" },
        { "upanddown", "", "" },
        { "upanddown", "60", "60 60" },
        { "upanddown", "0 4", "0 4 4 0" },
        { "upanddown", "60 60", "60 60 60 60" },
        { "upanddown", "0 4 7", "0 4 7 7 4 0" },
        { "upanddown", "60 64 67 71", "60 64 67 71 71 67 64 60" },
        { "upanddown", "60 60 64", "60 60 64 64 60 60" },
        { "upanddown", "0 4 7 11 14", "0 4 7 11 14 14 11 7 4 0" },
        { "upanddown", "48 55 60 64 67 72", "48 55 60 64 67 72 72 67 64 60 55 48" },
        { "downandup", "", "" },
        { "downandup", "60", "60 60" },
        { "downandup", "0 4", "4 0 0 4" },
        { "downandup", "60 60", "60 60 60 60" },
        { "downandup", "0 4 7", "7 4 0 0 4 7" },
        { "downandup", "60 64 67 71", "71 67 64 60 60 64 67 71" },
        { "downandup", "60 60 64", "64 60 60 60 60 64" },
        { "downandup", "0 4 7 11 14", "14 11 7 4 0 0 4 7 11 14" },
        { "downandup", "48 55 60 64 67 72", "72 67 64 60 55 48 48 55 60 64 67 72" },
        { "converge", "", "" },
        { "converge", "60", "60" },
        { "converge", "0 4", "0 4" },
        { "converge", "60 60", "60 60" },
        { "converge", "0 4 7", "0 7 4" },
        { "converge", "60 64 67 71", "60 71 64 67" },
        { "converge", "60 60 64", "60 64 60" },
        { "converge", "0 4 7 11 14", "0 14 4 11 7" },
        { "converge", "48 55 60 64 67 72", "48 72 55 67 60 64" },
        { "diverge", "", "" },
        { "diverge", "60", "60" },
        { "diverge", "0 4", "4 0" },
        { "diverge", "60 60", "60 60" },
        { "diverge", "0 4 7", "4 7 0" },
        { "diverge", "60 64 67 71", "67 64 71 60" },
        { "diverge", "60 60 64", "60 64 60" },
        { "diverge", "0 4 7 11 14", "7 11 4 14 0" },
        { "diverge", "48 55 60 64 67 72", "64 60 67 55 72 48" },
        { "disconverge", "", "" },
        { "disconverge", "60", "60" },
        { "disconverge", "0 4", "0 4 0" },
        { "disconverge", "60 60", "60 60 60" },
        { "disconverge", "0 4 7", "0 7 4 7 0" },
        { "disconverge", "60 64 67 71", "60 71 64 67 64 71 60" },
        { "disconverge", "60 60 64", "60 64 60 64 60" },
        { "disconverge", "0 4 7 11 14", "0 14 4 11 7 11 4 14 0" },
        { "disconverge", "48 55 60 64 67 72", "48 72 55 67 60 64 60 67 55 72 48" },
        // pinkyup of []: Tidal fails (init [])
        { "pinkyup", "60", "" },
        { "pinkyup", "0 4", "0 4" },
        { "pinkyup", "60 60", "60 60" },
        { "pinkyup", "0 4 7", "0 7 4 7" },
        { "pinkyup", "60 64 67 71", "60 71 64 71 67 71" },
        { "pinkyup", "60 60 64", "60 64 60 64" },
        { "pinkyup", "0 4 7 11 14", "0 14 4 14 7 14 11 14" },
        { "pinkyup", "48 55 60 64 67 72", "48 72 55 72 60 72 64 72 67 72" },
        // pinkyupdown of []: Tidal fails (init [])
        // pinkyupdown of [60]: Tidal fails (init [])
        { "pinkyupdown", "0 4", "0 4" },
        { "pinkyupdown", "60 60", "60 60" },
        { "pinkyupdown", "0 4 7", "0 7 4 7 4 7" },
        { "pinkyupdown", "60 64 67 71", "60 71 64 71 67 71 67 71 64 71" },
        { "pinkyupdown", "60 60 64", "60 64 60 64 60 64" },
        { "pinkyupdown", "0 4 7 11 14", "0 14 4 14 7 14 11 14 11 14 7 14 4 14" },
        { "pinkyupdown", "48 55 60 64 67 72", "48 72 55 72 60 72 64 72 67 72 67 72 64 72 60 72 55 72" },
        { "thumbup", "", "" },
        { "thumbup", "60", "" },
        { "thumbup", "0 4", "0 4" },
        { "thumbup", "60 60", "60 60" },
        { "thumbup", "0 4 7", "0 4 0 7" },
        { "thumbup", "60 64 67 71", "60 64 60 67 60 71" },
        { "thumbup", "60 60 64", "60 60 60 64" },
        { "thumbup", "0 4 7 11 14", "0 4 0 7 0 11 0 14" },
        { "thumbup", "48 55 60 64 67 72", "48 55 48 60 48 64 48 67 48 72" },
        // thumbupdown of []: Tidal fails (init [])
        // thumbupdown of [60]: Tidal fails (init [])
        { "thumbupdown", "0 4", "0 4" },
        { "thumbupdown", "60 60", "60 60" },
        { "thumbupdown", "0 4 7", "0 4 0 7 0 4" },
        { "thumbupdown", "60 64 67 71", "60 64 60 67 60 71 60 67 60 64" },
        { "thumbupdown", "60 60 64", "60 60 60 64 60 60" },
        { "thumbupdown", "0 4 7 11 14", "0 4 0 7 0 11 0 14 0 11 0 7 0 4" },
        { "thumbupdown", "48 55 60 64 67 72", "48 55 48 60 48 64 48 67 48 72 48 67 48 64 48 60 48 55" },
    };

    [Theory]
    [MemberData(nameof(TidalTable))]
    public void Order_matches_Tidal(string word, string chord, string expected)
    {
        Assert.True(Arpeggio.TryParseMode(word, out var mode));
        Assert.Equal(expected, Join(Arpeggio.Order(mode, Parse(chord))));
    }

    [Fact]
    public void The_table_covers_every_mode_and_chord_sizes_two_to_six()
    {
        // Size 1 is there too, but for pinkyupdown and thumbupdown Tidal fails: see below.
        var rows = TidalTable.Select(row => ((string)row[0], Parse((string)row[1]).Length)).ToList();
        foreach (var word in Arpeggio.ModeNames)
            for (var size = 2; size <= 6; size++)
                Assert.Contains((word, size), rows);
    }

    /// <summary>Where Tidal's <c>init []</c> fails, no notes: its answer wherever it does not fail.</summary>
    [Theory]
    [InlineData("pinkyupdown", "60")]
    [InlineData("thumbupdown", "60")]
    [InlineData("updown", "")]
    [InlineData("downup", "")]
    [InlineData("pinkyup", "")]
    [InlineData("pinkyupdown", "")]
    [InlineData("thumbupdown", "")]
    public void Order_gives_no_notes_where_Tidal_fails(string word, string chord)
    {
        Assert.True(Arpeggio.TryParseMode(word, out var mode));
        Assert.Empty(Arpeggio.Order(mode, Parse(chord)));
    }

    [Fact]
    public void Every_mode_gives_nothing_for_an_empty_chord()
    {
        foreach (var mode in Enum.GetValues<ArpeggioMode>())
            Assert.Empty(Arpeggio.Order(mode, []));
    }

    [Fact]
    public void Order_leaves_its_input_alone()
    {
        int[] chord = [0, 4, 7, 11];
        foreach (var mode in Enum.GetValues<ArpeggioMode>())
        {
            var result = Arpeggio.Order(mode, chord);
            Assert.NotSame(chord, result);
            Assert.Equal([0, 4, 7, 11], chord);
        }
    }

    [Fact]
    public void Every_mode_has_one_word_in_enum_order()
    {
        var modes = Enum.GetValues<ArpeggioMode>();
        Assert.Equal(modes.Length, Arpeggio.ModeNames.Count);
        for (var i = 0; i < modes.Length; i++)
        {
            Assert.True(Arpeggio.TryParseMode(Arpeggio.ModeNames[i], out var mode));
            Assert.Equal(modes[i], mode);
            Assert.Equal(modes[i].ToString().ToLowerInvariant(), Arpeggio.ModeNames[i]);
        }
    }

    [Theory]
    [InlineData("up&down")]
    [InlineData("Up")]
    [InlineData("")]
    [InlineData("random")]
    public void Other_words_are_not_modes(string word) =>
        Assert.False(Arpeggio.TryParseMode(word, out _));

    [Theory]
    [InlineData("0 4 7", 1, "0 4 7")]
    [InlineData("0 4 7", 2, "0 4 7 12 16 19")]
    [InlineData("60 64 67", 3, "60 64 67 72 76 79 84 88 91")]
    [InlineData("60", 4, "60 72 84 96")]
    [InlineData("", 3, "")]
    // Octave by octave, like Tidal's c'maj9'10: a chord wider than an octave is not re-sorted.
    [InlineData("0 4 7 14", 2, "0 4 7 14 12 16 19 26")]
    public void Stack_adds_octaves_above(string chord, int octaves, string expected) =>
        Assert.Equal(expected, Join(Arpeggio.Stack(Parse(chord), octaves)));

    [Fact]
    public void Stack_refuses_fewer_than_one_octave() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Arpeggio.Stack([0, 4, 7], 0));

    [Fact]
    public void Stacked_then_ordered_is_Tidals_arp_over_a_ranged_chord()
    {
        // Tidal: arp "updown" "c'maj'6" plays 0 4 7 12 16 19 16 12 7 4.
        var stacked = Arpeggio.Stack([0, 4, 7], 2);
        Assert.Equal("0 4 7 12 16 19 16 12 7 4", Join(Arpeggio.Order(ArpeggioMode.UpDown, stacked)));
    }

    private static int[] Parse(string notes) =>
        notes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    private static string Join(int[] notes) => string.Join(' ', notes);
}
