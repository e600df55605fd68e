using static SeqLang.Compiler.Tests.Control.Controls;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>Every SEQ09xx diagnostic: the line that causes it, where it points, and what it says.</summary>
public class ControlDiagnosticTests
{
    private const string NoForm = "track a channel 1 { play \"c4\" }\n";
    private const string OnlyRests = "track p channel 1 { play \"~ ~\" }\n";

    [Theory]
    [InlineData("map nrp 0:32 -> tempo 60..180", "SEQ0901", "nrp", "a mapping cannot listen to 'nrp': use cc, note, notes, nrpn or rpn; did you mean 'nrpn'?")]
    [InlineData("map cc 128 -> tempo 60..180", "SEQ0902", "128", "cc 128 is out of range: use a whole number, 0 to 127")]
    [InlineData("map note 36..40 -> mute bass", "SEQ0903", "note 36..40", "'note' takes one note number, e.g. 'note 36' (a row of pads is 'notes 48..63')")]
    [InlineData("map nrpn 32 -> tempo 60..180", "SEQ0903", "nrpn 32", "'nrpn' takes a parameter number MSB:LSB, e.g. 'nrpn 0:32'")]
    [InlineData("map notes 48 -> steps drums.kick", "SEQ0903", "notes 48", "'notes' takes a range of notes, e.g. 'notes 48..63'")]
    [InlineData("map cc 1:1 -> tempo 60..180", "SEQ0904", "1:1", "a 14-bit pair needs two different controllers, MSB:LSB, e.g. 'cc 1:33'")]
    [InlineData("map notes 63..48 -> steps drums.kick", "SEQ0905", "63..48", "write the lower note first: 48..63")]
    [InlineData("map note 36 -> mute drum", "SEQ0906", "drum", "there is no track 'drum'; did you mean 'drums'?")]
    [InlineData("map note 36 -> mute drums.kik", "SEQ0907", "kik", "track 'drums' has no lane 'kik'; did you mean 'kick'?")]
    [InlineData("map note 36 -> next chrous", "SEQ0908", "chrous", "'chrous' is not a section of the form; did you mean 'chorus'?")]
    [InlineData("map note 36 -> next drums.kick", "SEQ0910", "drums.kick", "'next' takes a section name, not 'drums.kick'")]
    [InlineData("map cc 71 -> drums vel 40..127", "SEQ0911", "drums", "'vel' needs a lane, written TRACK.LANE (e.g. 'drums.kick'), not the whole track")]
    [InlineData("map notes 48..55 -> steps bass", "SEQ0911", "bass", "'steps' needs a lane, written TRACK.LANE (e.g. 'bass.play'), not the whole track")]
    [InlineData("map note 36 -> jmp verse", "SEQ0912", "jmp", "'jmp' is not an action: use tempo, mute, next, jump, steps, or TRACK.LANE vel|MODIFIER A..B; did you mean 'jump'?")]
    [InlineData("map cc 71 -> drums.hat rev 0..1", "SEQ0913", "rev", "a knob cannot set 'rev': it can set vel, transpose, octave, legato, prob, swing, humanize, shift, fast or slow, or a cc, bend or touch lane's value")]
    [InlineData("map cc 71 -> drums.hat humanise 0..10", "SEQ0913", "humanise", "a knob cannot set 'humanise': it can set vel, transpose, octave, legato, prob, swing, humanize, shift, fast or slow, or a cc, bend or touch lane's value; did you mean 'humanize'?")]
    [InlineData("map cc 74 -> tempo 10..180", "SEQ0914", "10", "tempo 10 is out of range: use 20 to 999 BPM")]
    [InlineData("map cc 20 -> bass.play transpose -12..12.5", "SEQ0914", "12.5", "transpose 12.5 is out of range: use whole numbers of semitones, -127 to 127")]
    [InlineData("map cc 20 -> bass.play legato 0..2", "SEQ0914", "0", "legato 0 is out of range: use numbers above 0, at most 1000")]
    [InlineData("map cc 20 -> drums.hat vel 0..127", "SEQ0914", "0", "vel 0 is out of range: use whole numbers, 1 to 127")]
    [InlineData("map cc 20 -> drums.kick octave 2..5", "SEQ0915", "octave", "'octave' does not apply to the drum lane drums.kick")]
    [InlineData("map cc 20 -> bass.cc74 vel 1..127", "SEQ0915", "vel", "'vel' does not apply to the cc lane bass.cc74")]
    [InlineData("map cc 1:33 -> mute bass", "SEQ0916", "mute", "'mute' is a switch: drive it from a note, a 7-bit cc or a key, not from a 14-bit control (cc MSB:LSB, nrpn or rpn)")]
    [InlineData("map note 36 -> tempo 60..180", "SEQ0917", "tempo", "'tempo' needs a knob: drive it from a cc, an nrpn or an rpn, not from a note")]
    [InlineData("key \"t\" -> drums.hat vel 1..127", "SEQ0917", "vel", "'vel' needs a knob: drive it from a cc, an nrpn or an rpn, not from a key")]
    [InlineData("map note 36 -> steps drums.kick", "SEQ0918", "steps", "'steps' needs one pad per step: drive it from a range of notes, e.g. 'map notes 48..63 -> steps drums.kick'")]
    [InlineData("map notes 48..55 -> mute bass", "SEQ0919", "notes 48..55", "a range of notes can only drive 'steps' (pad i toggles step i); map single notes with 'note N'")]
    [InlineData("map notes 48..55 -> steps drums.hat", "SEQ0920", "drums.hat", "lane drums.hat is not a flat sequence of steps ('x*8' is not a single step), so pads cannot edit it: write each step out, one atom or '~' per step")]
    [InlineData("map notes 48..55 -> steps bass.cc74", "SEQ0922", "bass.cc74", "lane bass.cc74 has 2 steps but 8 pads: notes 50..55 do nothing")]
    [InlineData("map notes 48..63 -> steps drums.kick", "SEQ0922", "drums.kick", "lane drums.kick has 8 steps but 16 pads: notes 56..63 do nothing")]
    [InlineData("map notes 48..51 -> steps drums.kick", "SEQ0922", "drums.kick", "lane drums.kick has 8 steps but 4 pads: steps 5 to 8 have no pad")]
    [InlineData("map cc 74 -> tempo 60..180\nmap cc 74 channel 2 -> drums.hat vel 1..127", "SEQ0923", "cc 74 channel 2", "cc 74 on channel 2 is already used by the mapping on line 12; map each control once")]
    [InlineData("map cc 1:33 -> tempo 60..180\nmap cc 33 -> drums.hat vel 1..127", "SEQ0923", "cc 33", "cc 33 is already used by the mapping on line 12 (as the LSB of cc 1:33); map each control once")]
    [InlineData("map notes 48..55 -> steps drums.kick\nmap note 50 -> mute bass", "SEQ0923", "note 50", "note 50 is already used by the mapping on line 12 (in notes 48..55); map each control once")]
    [InlineData("map nrpn 0:32 -> tempo 60..180\nmap nrpn 0:32 channel 1 -> drums.hat vel 1..127", "SEQ0923", "nrpn 0:32 channel 1", "nrpn 0:32 on channel 1 is already used by the mapping on line 12; map each control once")]
    [InlineData("map cc 6 -> drums.hat vel 1..127\nmap rpn 0:0 -> tempo 60..180", "SEQ0924", "6", "cc 6 carries the nrpn/rpn of line 13 (CC 99/98 and 101/100 select the parameter, 6 and 38 its value); map another controller")]
    [InlineData("feedback \"L\" step drums.kick notes 48..55", "SEQ0925", "step", "feedback cannot show 'step': use 'steps TRACK.LANE notes A..B' or 'mute TARGET note N'; did you mean 'steps'?")]
    [InlineData("feedback \"L\" steps drums.kick note 48", "SEQ0926", "note 48", "feedback of steps takes a range of notes, one pad per step, e.g. 'notes 48..63'")]
    [InlineData("feedback \"L\" mute bass notes 36..37", "SEQ0926", "notes 36..37", "feedback of mute takes one note, e.g. 'note 36'")]
    [InlineData("feedback \"L\" mute bass note 36 playhead 5", "SEQ0927", "playhead", "'playhead' is not a feedback option: use channel, off or on")]
    [InlineData("feedback \"L\" mute bass note 36 of 5", "SEQ0927", "of", "'of' is not a feedback option: use channel, off or on; did you mean 'off'?")]
    [InlineData("feedback \"L\" mute bass note 36 on 5 on 6", "SEQ0928", "on", "'on' is given twice in this feedback")]
    [InlineData("feedback \"L\" mute bass note 36 on 128", "SEQ0914", "128", "on 128 is out of range: use a velocity, 0 to 127")]
    [InlineData("feedback \"L\" steps drums.kick notes 48..55\nfeedback \"l\" mute bass note 50", "SEQ0929", "feedback \"l\" mute bass note 50", "note 50 on channel 1 of \"l\" already shows the feedback of line 12; one pad shows one thing")]
    [InlineData("key \"mm\" -> mute bass", "SEQ0930", "\"mm\"", "a hotkey is one printable character, not \"mm\"")]
    [InlineData("key \"q\" -> mute bass", "SEQ0931", "\"q\"", "\"q\" is the player's own key (quits); choose another")]
    [InlineData("key \" \" -> mute bass", "SEQ0931", "\" \"", "\" \" is the player's own key (reserved for the player); choose another")]
    [InlineData("key \"m\" -> mute bass\nkey \"m\" -> mute drums", "SEQ0932", "\"m\"", "key \"m\" is already bound on line 12")]
    [InlineData("map cc 1 channel 17 -> tempo 60..180", "SEQ0302", "17", "channel 17 is out of range: use 1 to 16")]
    public void ReportsWhereTheProblemIs(string lines, string code, string at, string message)
    {
        var all = Problems(lines);
        Assert.True(all.Count == 1, string.Join("\n", all));
        Assert.Equal(message, Single(lines, code, at));
    }

    [Fact]
    public void JumpNeedsAForm()
    {
        Assert.Equal("'jump verse' needs a form: with no form the piece is one section, 'main'",
            Single("map note 36 -> jump verse", "SEQ0909", "verse", NoForm));
    }

    [Fact]
    public void APadNeedsSomethingToTurnOn()
    {
        Assert.Equal("lane p.play has only rests, so a pad would not know what to play: write one step that plays",
            Single("map notes 48..49 -> steps p.play", "SEQ0921", "p.play", OnlyRests));
    }

    [Fact]
    public void ALaneNamedAfterADrumCanStartWithRestsOnly()
    {
        var map = Map("track d channel 10 { kick \"~ ~ ~ ~\" }\nmap notes 36..39 -> steps d.kick\n");
        Assert.Equal("x", Assert.IsType<Compiler.Control.StepsAction>(map.Mappings[0].Action).Steps.OnAtom);
    }

    [Fact]
    public void ChannelsThatDifferDoNotOverlap()
    {
        Assert.Empty(Problems("map cc 74 channel 1 -> tempo 60..180\nmap cc 74 channel 2 -> drums.hat vel 1..127\nmap cc 6 -> drums.hat prob 0..1\nmap nrpn 1:2 channel 3 -> bass.play prob 0..1\n"
            .Replace("map cc 6 -> drums.hat prob 0..1\n", "map cc 6 channel 4 -> drums.hat prob 0..1\n")));
    }

    [Fact]
    public void DataEntryControllersAreFreeWithoutAnNrpn()
    {
        Assert.Empty(Problems("map cc 6 -> tempo 60..180\nmap cc 38 -> drums.hat vel 1..127\n"));
    }

    [Fact]
    public void AControlMistakeInAFileWithOtherErrorsDoesNotRepeatThem()
    {
        // The lane fails to compile (unknown drum), so it is not in the piece: "no lane 'kick'" would say the same twice.
        var problems = Problems("map note 36 -> mute d.kick\n", "track d channel 10 { kick \"x kik\" }\n");
        Assert.Equal("SEQ0501", Assert.Single(problems).Code);
    }

    [Fact]
    public void MapIsAStatementKeywordForSuggestions()
    {
        var problems = Problems("mapp cc 1 -> tempo 60..180\n");
        Assert.Equal(("SEQ0109", "mapp"), Assert.Single(problems));
        Assert.Contains("did you mean 'map'?", Compile(Drums + "mapp cc 1 -> tempo 60..180\n").Diagnostics[0].Message);
    }
}
