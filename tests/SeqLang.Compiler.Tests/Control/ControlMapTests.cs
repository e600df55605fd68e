using SeqLang.Compiler.Control;
using SeqLang.Core.Time;
using SeqLang.Compiler.Piece;
using static SeqLang.Compiler.Tests.Control.Controls;

namespace SeqLang.Compiler.Tests.Control;

/// <summary>The checked model the player reads: sources, actions, feedback and keys, with the compiled indices.</summary>
public class ControlMapTests
{
    [Fact]
    public void AFileWithoutControlsHasTheEmptyMap()
    {
        Assert.Same(ControlMap.Empty, Map(Drums));
    }

    [Fact]
    public void SourcesAreReadWithTheirChannelsOnTheWire()
    {
        var map = Map(Drums + """
            map cc 74 -> tempo 60..180
            map cc 71 channel 2 -> drums.hat vel 40..127
            map cc 1:33 -> bass.play transpose -12..12
            map nrpn 0:32 channel 16 -> bass.play legato 0.1..2
            map rpn 0:0 -> drums.hat swing 50..75
            map note 36 -> mute drums.kick
            map note 37 channel 10 -> next chorus
            map notes 48..55 -> steps drums.kick
            """);
        Assert.Equal(new ControlSource[]
        {
            new CcSource(74, null), new CcSource(71, 1), new Cc14Source(1, 33, null), new NrpnSource(0, 32, 15),
            new RpnSource(0, 0, null), new NoteSource(36, null), new NoteSource(37, 9), new NoteRangeSource(48, 55, null),
        }, map.Mappings.Select(m => m.Source));
        Assert.Equal(new[] { 127, 127, 16383, 16383, 16383, 127, 127, 127 }, map.Mappings.Select(m => m.Source.MaxValue));
        Assert.Equal("map cc 74 -> tempo 60..180", map.Mappings[0].Text);
    }

    [Fact]
    public void ActionsCarryTheCompiledTrackAndLaneIndices()
    {
        var piece = Controls.Piece(Drums + """
            map cc 74 -> tempo 60..180
            map cc 71 -> drums.hat vel 40..127
            map cc 20 -> bass.play transpose -12..12
            map cc 21 -> bass.play legato 0.1..2
            map note 36 -> mute drums.kick
            map note 38 -> mute bass
            map note 40 -> next chorus
            map note 41 -> jump verse
            map notes 48..55 -> steps drums.kick
            """);
        var actions = piece.Controls.Mappings.Select(m => m.Action).ToList();
        var hat = piece.Tracks[0].Lanes[1];
        var bassPlay = piece.Tracks[1].Lanes[0];
        Assert.Equal("drums.hat", hat.FullName);
        Assert.Equal(new TempoAction(60, 180), actions[0]);
        Assert.Equal(new LaneVelocityAction(hat.TrackIndex, hat.LaneIndex, "drums.hat", 40, 127), actions[1]);
        Assert.Equal(new LaneModifierAction(1, bassPlay.LaneIndex, "bass.play", "transpose", -12, 12, true), actions[2]);
        Assert.Equal(new LaneModifierAction(1, 0, "bass.play", "legato", new Rational(1, 10), 2, false), actions[3]);
        Assert.Equal(new MuteAction(0, 0, "drums.kick"), actions[4]);
        Assert.Equal(new MuteAction(1, null, "bass"), actions[5]);
        Assert.Equal(new NextSectionAction("chorus"), actions[6]);
        Assert.Equal(new JumpSectionAction("verse"), actions[7]);
        var steps = Assert.IsType<StepsAction>(actions[8]);
        Assert.Equal((0, 0, 8), (steps.Track, steps.Lane, steps.Steps.Count));
    }

    [Fact]
    public void LaneIndicesMatchTheEventsOfThatLane()
    {
        var piece = Controls.Piece(Drums + "map note 36 -> mute drums.perc\n");
        var mute = Assert.IsType<MuteAction>(piece.Controls.Mappings[0].Action);
        var events = new List<PieceEvent>();
        Assert.True(new EventStream(piece).Bar(0, events, new Core.Diagnostics.DiagnosticBag()));
        var perc = events.Where(e => e.Track == mute.Track && e.Lane == mute.Lane).Select(e => e.Number).ToList();
        Assert.Equal(new[] { 37, 39 }, perc);
    }

    [Fact]
    public void FeedbackHasDefaultsAndOptions()
    {
        var map = Map(Drums + """
            feedback "Launchpad" steps drums.kick notes 48..55
            feedback "Launchpad" steps drums.perc notes 56..59 channel 3 off 12 on 60 playhead 15
            feedback "Launchpad" mute bass note 36 on 5
            """);
        var first = Assert.IsType<StepsFeedback>(map.Feedback[0]);
        Assert.Equal(("Launchpad", 0, 48, 55, 0, 127, 64), (first.Port, first.Channel, first.FirstNote, first.LastNote, first.Off, first.On, first.Playhead));
        var second = Assert.IsType<StepsFeedback>(map.Feedback[1]);
        Assert.Equal((2, 12, 60, 15, 0, 2), (second.Channel, second.Off, second.On, second.Playhead, second.Track, second.Lane));
        var mute = Assert.IsType<MuteFeedback>(map.Feedback[2]);
        Assert.Equal((1, (int?)null, 36, 0, 5), (mute.Track, mute.Lane, mute.Note, mute.Off, mute.On));
    }

    [Fact]
    public void KeysBindSwitches()
    {
        var map = Map(Drums + """
            key "m" -> mute bass
            key "M" -> mute drums.kick
            key "c" -> next chorus
            key "1" -> jump verse
            """);
        Assert.Equal("mMc1", string.Concat(map.Keys.Select(k => k.Key)));
        Assert.Equal(new MuteAction(1, null, "bass"), map.Keys[0].Action);
        Assert.Equal(new JumpSectionAction("verse"), map.Keys[3].Action);
        Assert.Equal("key \"m\" -> mute bass", map.Keys[0].Text);
    }

    [Fact]
    public void SubWordsStayFreeAsLaneAndSectionNames()
    {
        var map = Map("""
            form { note 2 -> steps
              steps 2 -> note }
            track next channel 1 { jump "c4 ~" }
            map note 1 -> next steps
            map notes 2..3 -> steps next.jump
            key "n" -> jump note
            """);
        Assert.Equal(new NextSectionAction("steps"), map.Mappings[0].Action);
        Assert.Equal("next.jump", Assert.IsType<StepsAction>(map.Mappings[1].Action).Steps.LaneName);
    }
}
