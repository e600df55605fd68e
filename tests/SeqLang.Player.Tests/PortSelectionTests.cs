using SeqLang.Player.RtMidi;

namespace SeqLang.Player.Tests;

/// <summary>SPEC §9's port rule, as a pure function: no MIDI system needed.</summary>
public sealed class PortSelectionTests
{
    private static readonly MidiPort[] Three = [new(0, "Midi Through:Midi Through Port-0 14:0"), new(1, "FLUID Synth (1234):Synth input port (1234:0) 128:0"), new(2, "USB MIDI Interface:USB MIDI Interface MIDI 1 20:0")];

    [Fact]
    public void No_name_and_one_port_uses_it() =>
        Assert.Equal("only:in", PortSelection.Choose([new MidiPort(0, "only:in")], null).Port?.Name);

    [Fact]
    public void No_name_and_no_port_is_a_device_error_that_mentions_virtual()
    {
        var r = PortSelection.Choose([], null);
        Assert.Null(r.Port);
        Assert.False(r.IsUsageError);
        Assert.Contains("--virtual", r.Error);
    }

    [Fact]
    public void No_name_and_several_ports_lists_them_and_asks_for_port()
    {
        var r = PortSelection.Choose(Three, null);
        Assert.Null(r.Port);
        Assert.True(r.IsUsageError);
        Assert.Contains("--port", r.Error);
        foreach (var p in Three) Assert.Contains($"{p.Index}: {p.Name}", r.Error);
    }

    [Theory]
    [InlineData("fluid", 1)]
    [InlineData("USB", 2)]
    [InlineData("through", 0)]
    public void A_part_of_the_name_in_any_case_chooses_the_port(string query, int index) =>
        Assert.Equal(index, PortSelection.Choose(Three, query).Port?.Index);

    [Fact]
    public void A_name_matching_several_ports_asks_for_more_of_it_unless_one_matches_exactly()
    {
        var ambiguous = PortSelection.Choose(Three, "midi");
        Assert.Null(ambiguous.Port);
        Assert.True(ambiguous.IsUsageError);
        MidiPort[] two = [new(0, "synth"), new(1, "synth 2")];
        Assert.Equal(0, PortSelection.Choose(two, "SYNTH").Port?.Index);
    }

    [Fact]
    public void A_name_matching_nothing_is_a_device_error_listing_the_ports()
    {
        var r = PortSelection.Choose(Three, "nord");
        Assert.Null(r.Port);
        Assert.False(r.IsUsageError);
        Assert.Contains("FLUID Synth", r.Error);
    }

    [Theory]
    [InlineData("alsa", MidiApi.Alsa)]
    [InlineData("JACK", MidiApi.Jack)]
    [InlineData("coremidi", MidiApi.CoreMidi)]
    [InlineData("winmm", MidiApi.WindowsMM)]
    public void Api_names_parse(string name, MidiApi api)
    {
        Assert.True(MidiApiNames.TryParse(name, out var parsed));
        Assert.Equal(api, parsed);
        Assert.Equal(name.ToLowerInvariant(), MidiApiNames.Name(api));
    }

    [Fact]
    public void An_unknown_api_does_not_parse() => Assert.False(MidiApiNames.TryParse("pipewire", out _));
}
