using SeqLang.Compiler;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Midi.Tests;

/// <summary>
/// The renderer hands back its tracks already encoded; what they say when asked for their messages must be
/// what the written file holds, read by the file reader, with long track names (a two-byte length) included.
/// </summary>
public class RenderedTrackTests
{
    [Theory]
    [InlineData("keys")]
    [InlineData("keys_" + "with_a_name_longer_than_127_characters_so_that_its_length_takes_two_bytes_of_the_variable_length_quantity_" + "that_is_all_it_is_for")]
    public void A_rendered_track_s_messages_are_what_the_file_holds(string name)
    {
        var text = $"title \"T\"\ntempo 97\ntrack {name} channel 2 program 5 bank 1:2 {{\n  play \"c4 [e4 g4] <c4 d4>@2 c4\" legato 1.5 vel \"<90 40>\"\n  cc 74 \"<10 70>\"\n}}\ntrack drums channel 10 {{\n  bd \"x(3,8)\"\n  hh \"x*8?\"\n}}\n";
        var compilation = SeqCompiler.Compile(new Core.Text.SourceText("t.seq", text), new CompileOptions());
        Assert.False(compilation.HasErrors, string.Join("; ", compilation.Diagnostics));
        var content = PieceRenderer.Render(compilation.Piece!, 0, 6, 480, new DiagnosticBag())!;
        var file = SmfReader.Read(SmfWriter.ToBytes(content));
        Assert.Equal(content.Tracks.Count + 1, file.Tracks.Count);
        for (var t = 0; t < content.Tracks.Count; t++)
        {
            var read = file.Tracks[t + 1];
            Assert.Equal(content.Tracks[t].Name, read.Name);
            var expected = read.ChannelMessages.Select(e => $"{e.Tick} {e.Kind} {e.Channel} {string.Join(',', e.Data)}").ToList();
            var actual = content.Tracks[t].Messages.Select(m => $"{m.Tick} {m.Kind} {m.Channel} {string.Join(',', m.ToBytes().Skip(1))}").ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, content.Tracks[t].MessageCount);
            Assert.Equal(read.ChannelMessages.Count(e => e.IsNoteOn), content.Tracks[t].NoteCount);
            // A track made again from those messages writes the same bytes.
            Assert.Equal(SmfWriter.ToBytes(content), SmfWriter.ToBytes(new MidiFileContent(content.Ppq, content.Conductor,
                content.Tracks.Select(track => new MidiTrack(track.Name, track.Messages.ToArray())).ToList(), content.EndTick)));
        }
    }
}
