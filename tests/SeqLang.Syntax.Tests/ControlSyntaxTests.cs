using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;

namespace SeqLang.Syntax.Tests;

/// <summary>The live-control statements as the parser reads them: words kept for the checker, spans on the file.</summary>
public class ControlSyntaxTests
{
    private static (List<StatementSyntax> Statements, DiagnosticBag Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var file = SeqParser.Parse(new SourceText("t.seq", text), diagnostics);
        return (file.Statements.ToList(), diagnostics);
    }

    private static T One<T>(string text)
    {
        var (statements, diagnostics) = Parse(text);
        Assert.False(diagnostics.HasErrors, string.Join("; ", diagnostics.Items.Select(d => d.Message)));
        return Assert.IsType<T>(Assert.Single(statements));
    }

    [Fact]
    public void AMapReadsItsSourceAndAction()
    {
        const string text = "map cc 1:33 channel 2 -> drums.hat vel 40..127";
        var map = One<MapSyntax>(text);
        Assert.Equal(("cc", "1", "33", null, "2"), (map.Source.Kind.Text, map.Source.Number.Text, map.Source.Second?.Text, map.Source.Last?.Text, map.Source.Channel?.Text));
        var lane = Assert.IsType<LaneActionSyntax>(map.Action);
        Assert.Equal(("drums.hat", "vel", "40", "127"), (lane.Lane.Text, lane.Parameter.Text, lane.Range.From.Text, lane.Range.To.Text));
        Assert.Equal("drums.hat", text.Substring(lane.Lane.Span.Start, lane.Lane.Span.Length));
        Assert.Equal(text.Length, map.Span.Length);
    }

    [Theory]
    [InlineData("map notes 48..63 -> steps drums.kick", "notes", null, "63")]
    [InlineData("map nrpn 0:32 -> keys.play legato 0.1..2", "nrpn", "32", null)]
    [InlineData("map rpn 0:0 -> tempo -1..2", "rpn", "0", null)]
    [InlineData("map note 36 channel 10 -> mute drums", "note", null, null)]
    public void SourceWordsAreNames(string text, string kind, string? second, string? last)
    {
        var map = One<MapSyntax>(text);
        Assert.Equal((kind, second, last), (map.Source.Kind.Text, map.Source.Second?.Text, map.Source.Last?.Text));
    }

    [Fact]
    public void ActionsKeepTheirShape()
    {
        Assert.IsType<TempoActionSyntax>(One<MapSyntax>("map cc 74 -> tempo 60..180").Action);
        var mute = Assert.IsType<MuteActionSyntax>(One<MapSyntax>("map note 36 -> mute bass.play").Action);
        Assert.Equal(("bass", "play"), (mute.Target.Track.Text, mute.Target.Lane!.Text));
        var next = Assert.IsType<VerbActionSyntax>(One<MapSyntax>("map note 37 -> next chorus").Action);
        Assert.Equal(("next", "chorus", null), (next.Verb.Text, next.Target.Track.Text, next.Target.Lane));
        var knob = Assert.IsType<LaneActionSyntax>(One<MapSyntax>("map cc 20 -> bass.play transpose -12..12").Action);
        Assert.Equal(("-12", "12"), (knob.Range.From.Text, knob.Range.To.Text));
    }

    [Fact]
    public void KeyBindingsAndTheKeySettingDoNotClash()
    {
        var binding = One<KeyBindingSyntax>("key \"m\" -> mute bass");
        Assert.Equal("m", binding.Key.Content);
        Assert.IsType<KeySyntax>(One<KeySyntax>("key E minor"));
    }

    [Fact]
    public void FeedbackReadsItsWordsAndOptions()
    {
        var f = One<FeedbackSyntax>("feedback \"Launchpad\" steps drums.kick notes 48..63 channel 2 on 60");
        Assert.Equal(("Launchpad", "steps", "drums.kick", "notes", "48", "63"), (f.Port.Content, f.Kind.Text, f.Target.Text, f.NotesWord.Text, f.First.Text, f.Last?.Text));
        Assert.Equal(new[] { ("channel", "2"), ("on", "60") }, f.Options.Select(o => (o.Word.Text, o.Value.Text)));
        var mute = One<FeedbackSyntax>("feedback \"Launchpad\" mute drums note 36");
        Assert.Equal(("mute", "drums", "note", "36", null), (mute.Kind.Text, mute.Target.Text, mute.NotesWord.Text, mute.First.Text, mute.Last?.Text));
    }

    [Theory]
    [InlineData("map cc 74 -> tempo 60")]
    [InlineData("map cc 74 tempo 60..180")]
    [InlineData("map cc 74 -> drums.hat vel")]
    [InlineData("feedback \"L\" steps drums.kick")]
    public void IncompleteLinesAreSyntaxErrors(string text)
    {
        var (_, diagnostics) = Parse(text);
        Assert.Contains(diagnostics.Items, d => d.Code is "SEQ0104" or "SEQ0105");
    }
}
