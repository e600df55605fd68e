using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Cli.Play;
using SeqLang.Player.Control;
using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests.Control;

/// <summary>
/// The control path never makes the MIDI system's thread wait: messages go into a lock-free inbox, the worker
/// acts on them, and a knob swept through many values while a compile is under way costs one more compile,
/// with the latest value (issue 15).
/// </summary>
public sealed class LiveControlInboxTests
{
    private const string File = "tempo 120\ntrack bass channel 2 { play \"c3*4\" }\nmap cc 20 -> bass.play transpose -12..12\nmap cc 71 -> bass.play vel 1..127\n";

    [Fact]
    public void A_thousand_knob_messages_during_a_compile_are_taken_without_waiting_and_coalesce_into_one_compile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "seq-inbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "knob.seq");
        System.IO.File.WriteAllText(path, File);
        var compilation = SeqCompiler.Compile(path, System.IO.File.ReadAllBytes(path), new CompileOptions());
        var clock = new VirtualClock();
        using var player = new PiecePlayer(compilation.Piece!, new RecordingSink(clock), new PlaybackOptions { Bars = 1, Clock = clock, StartDelay = TimeSpan.Zero });
        player.Lanes.Assign(compilation.Piece!); // as the producer does when the piece starts playing
        using var control = new LiveControl(player, compilation);

        // The worker holds live control's lock (as it does while compiling) until every message has been sent.
        using var sent = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        control.Post(() =>
        {
            holding.Set();
            sent.Wait();
        });
        Assert.True(holding.Wait(TimeSpan.FromSeconds(10)), "the worker did not take the job");
        var sender = new Thread(() =>
        {
            for (var i = 0; i < 999; i++) control.OnMessage([0xB0, 20, (byte)(i % 128)]);
            control.OnMessage([0xB0, 20, 127]); // the knob ends fully up: transpose +12
            control.OnMessage([0xB0, 71, 0]);   // and the velocity knob fully down: scaled to 1
        });
        sender.Start();
        // Were the MIDI thread's call to take the lock, it would wait here for the job, which waits for it.
        Assert.True(sender.Join(TimeSpan.FromSeconds(10)), "OnMessage waited for the worker");
        sent.Set();
        control.Flush();

        Assert.Equal(0, control.DroppedMessages);
        Assert.Equal(1, control.Compiles);
        var events = new List<PieceEvent>();
        Assert.True(new EventStream(control.Piece).Bar(0, events, new DiagnosticBag()));
        Assert.Equal(Enumerable.Repeat(48 + 12, 4), events.Where(e => e.Kind == PieceEventKind.Note).Select(e => e.Number));
        Assert.Equal(1, player.Live.VelocityScale(player.Lanes.Find("bass.play")));
    }
}
