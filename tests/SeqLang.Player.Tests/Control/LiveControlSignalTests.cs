using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Cli.Play;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests.Control;

/// <summary>
/// Knobs on signals through live control (issue 16, docs/live-control.md "Knobs on signals"), on a virtual clock: a
/// knob on a cc lane's value sets the top of its sweep in the version handed to the player, a <c>vel</c> knob scales a
/// velocity ramp, a <c>--watch</c> save with a new signal plays the new signal with the knob still in force, and the
/// text written back never holds a knob's value.
/// </summary>
public sealed class LiveControlSignalTests
{
    private const string Text = """
        tempo 120
        track synth channel 3 {
          lead "c4*4" vel ramp 60..120 over 1 bar
          pad "e4*4" prob saw 0.5..1
          cc 74 saw 20..100 step 1/4
        }
        map cc 21 -> synth.cc74 value 0..127
        map cc 22 -> synth.lead vel 1..127
        map cc 23 -> synth.pad prob 0..1

        """;

    private sealed class Session : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "seq-signal-knob-" + Guid.NewGuid().ToString("N"));
        public readonly PiecePlayer Player;
        public readonly LiveControl Control;

        public Session(string text)
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, "knob.seq");
            File.WriteAllText(path, text);
            var compilation = SeqCompiler.Compile(path, File.ReadAllBytes(path), new CompileOptions());
            Assert.True(compilation.Piece is not null, string.Join("\n", compilation.Diagnostics.Select(d => d.Message)));
            var clock = new VirtualClock();
            Player = new PiecePlayer(compilation.Piece!, new RecordingSink(clock), new PlaybackOptions { Bars = 1, Clock = clock, StartDelay = TimeSpan.Zero });
            Player.Lanes.Assign(compilation.Piece!); // as the producer does when the piece starts playing
            Control = new LiveControl(Player, compilation);
        }

        public void Send(params byte[] message)
        {
            Control.OnMessage(message);
            Control.Flush();
        }

        /// <summary>The values the version playing sends on a controller in <paramref name="bar"/>.</summary>
        public int[] Cc(int controller, long bar = 0) => Events(bar).Where(e => e.Kind == PieceEventKind.Control && e.Number == controller).Select(e => e.Value).ToArray();

        public List<PieceEvent> Events(long bar)
        {
            var events = new List<PieceEvent>();
            Assert.True(new EventStream(Control.Piece).Bar(bar, events, new DiagnosticBag()));
            return events;
        }

        public void Dispose()
        {
            Control.Dispose();
            Player.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_knob_on_a_cc_lanes_value_moves_the_top_of_its_sweep_and_is_not_written_back()
    {
        using var session = new Session(Text);
        Assert.Equal(new[] { 20, 40, 60, 80 }, session.Cc(74));
        session.Send(0xB0, 21, 127); // fully open: saw 20..127
        Assert.Equal(new[] { 20, 47, 74, 100 }, session.Cc(74));
        session.Send(0xB0, 21, 0);   // closed: saw 20..0, a sweep down
        Assert.Equal(new[] { 20, 15, 10, 5 }, session.Cc(74));
        Assert.Equal(2, session.Control.Compiles);
        // Knob positions are performance: the text a stop writes back is the file's.
        Assert.Equal(Text, session.Control.EditedText);
        Assert.Null(session.Control.WriteBack(inPlace: false));
    }

    [Fact]
    public void A_vel_knob_scales_a_velocity_ramp_at_once_without_a_compile()
    {
        using var session = new Session(Text);
        session.Send(0xB0, 22, 64);
        Assert.Equal(0, session.Control.Compiles);
        Assert.Equal(64, session.Player.Live.VelocityScale(session.Player.Lanes.Find("synth.lead")));
        // The ramp itself is the file's; the player scales each velocity as it sends it.
        Assert.Equal(new[] { 60, 75, 90, 105 }, session.Events(0).Where(e => e.Kind == PieceEventKind.Note && e.Number == 60).Select(e => e.Value));
    }

    [Fact]
    public void A_save_with_a_new_signal_plays_the_new_signal_with_the_knob_still_on_top()
    {
        using var session = new Session(Text);
        session.Send(0xB0, 21, 127); // the ceiling at 127
        var saved = Text.Replace("cc 74 saw 20..100", "cc 74 isaw 40..100");
        Assert.True(session.Control.Reload(saved));
        // isaw from A = 40 at 1 towards B at 0: B is the knob's 127, A the new file's 40.
        Assert.Equal(new[] { 127, 105, 84, 62 }, session.Cc(74));
        Assert.Equal(saved, session.Control.EditedText);
    }

    [Fact]
    public void A_save_that_leaves_a_moved_knob_nothing_to_set_plays_the_files_value()
    {
        using var session = new Session(Text);
        session.Send(0xB0, 23, 0); // prob saw 0.5..0: the pad thins out
        // The save takes the mapping out and gives the lane's prob a mini string: the knob's edit no longer applies.
        var saved = Text.Replace("prob saw 0.5..1", "prob \"1 0\"").Replace("map cc 23 -> synth.pad prob 0..1\n", "");
        Assert.True(session.Control.Reload(saved));
        Assert.Equal(2, session.Events(0).Count(e => e.Kind == PieceEventKind.Note && e.Number == 64));
        // ...and a later message of the old knob finds no mapping: nothing happens, the worker lives on.
        session.Send(0xB0, 23, 127);
        Assert.Equal(2, session.Events(0).Count(e => e.Kind == PieceEventKind.Note && e.Number == 64));
    }

    [Fact]
    public void A_knob_on_a_named_signal_moves_every_lane_that_uses_it()
    {
        using var session = new Session("""
            tempo 120
            signal sweep saw 20..100 over 1 bar
            track synth channel 3 {
              lead "c4*4" vel sweep
              cc 74 sweep step 1/4
            }
            map cc 21 -> signal sweep 0..127

            """);
        session.Send(0xB0, 21, 127);
        Assert.Equal(new[] { 20, 47, 74, 100 }, session.Cc(74));
        Assert.Equal(new[] { 20, 47, 74, 100 }, session.Events(0).Where(e => e.Kind == PieceEventKind.Note).Select(e => e.Value));
        Assert.Equal(1, session.Control.Compiles);
    }
}
