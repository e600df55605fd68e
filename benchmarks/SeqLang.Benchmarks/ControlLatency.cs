using System.Diagnostics;
using SeqLang.Compiler;
using SeqLang.Core.Text;
using SeqLang.Player;
using SeqLang.Cli.Play;
using SeqLang.Player.Control;

namespace SeqLang.Benchmarks;

/// <summary>
/// Control latency (issue 6): plays sixteenth-note hats at 240 BPM (a note every 62.5 ms) on the real clock into
/// a sink that notes the clock time of every send, while another thread feeds N controller messages into
/// <see cref="LiveControl.OnMessage"/> at irregular moments, alternating the hats' velocity scale (CC 71) and a
/// mute (note 36). For each message: how long from its arrival (the call) until the player acts on it (the
/// call returns, the new state is what the clock thread reads for the next send), and whether any note sent
/// after that still showed the old state. A figure, not a test: it prints medians and the worst case.
/// </summary>
public static class ControlLatency
{
    private const string Piece = "tempo 240\nmap cc 71 -> drums.hat vel 1..127\nmap note 36 -> mute drums.kick\n" +
        "track drums channel 10 {\n  hat \"x*16\" vel 100\n  kick \"x*8\"\n}\n";

    public static int Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 400;
        var compilation = SeqCompiler.Compile(new SourceText("latency.seq", Piece), new CompileOptions());
        var sink = new TimedSink(1 << 20);
        using var player = new Player.PiecePlayer(compilation.Piece!, sink, new PlaybackOptions { Realtime = true });
        using var control = new LiveControl(player, compilation);
        var arrivals = new List<(long At, long Acted, byte Kind, byte Value)>();
        var feeder = new Thread(() =>
        {
            var random = new Random(7);
            while (player.StartedAt is null) Thread.Sleep(1);
            Thread.Sleep(300);
            for (var i = 0; i < count; i++)
            {
                Thread.Sleep(random.Next(5, 40));
                byte[] message = i % 2 == 0 ? [0xB0, 71, (byte)(i % 4 == 0 ? 0 : 127)] : [0x99, 36, 100];
                var at = Stopwatch.GetTimestamp();
                control.OnMessage(message);
                var acted = Stopwatch.GetTimestamp();
                arrivals.Add((at, acted, message[0], message[2]));
            }
            player.RequestStop();
        });
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        feeder.Start();
        player.Run();
        feeder.Join();

        var micros = arrivals.Select(a => (a.Acted - a.At) * 1e6 / Stopwatch.Frequency).OrderBy(x => x).ToList();
        // A hat sent after a velocity message acted must carry the new scale: 1 for value 0, 100 for 127.
        var stale = 0;
        var sends = sink.Sends();
        foreach (var a in arrivals.Where(a => a.Kind == 0xB0))
        {
            var expected = a.Value == 0 ? 1 : 100;
            var next = arrivals.Where(b => b.Kind == 0xB0 && b.At > a.At).Select(b => b.At).DefaultIfEmpty(long.MaxValue).First();
            stale += sends.Count(s => s.At > a.Acted && s.At < next && s.Status == 0x99 && s.Data1 == 42 && s.Data2 != expected);
        }
        Console.WriteLine($"control latency over {arrivals.Count} messages (CC 71 velocity scale, note 36 mute), hats every 62.5 ms:");
        Console.WriteLine($"  arrival to effect: median {micros[micros.Count / 2]:0.0} µs, p99 {micros[(int)(micros.Count * 0.99)]:0.0} µs, max {micros[^1]:0.0} µs");
        var slowest = arrivals.Select((a, i) => (Index: i, Micros: (a.Acted - a.At) * 1e6 / Stopwatch.Frequency)).OrderByDescending(x => x.Micros).Take(5);
        Console.WriteLine($"  slowest (message number: µs): {string.Join(", ", slowest.Select(x => $"{x.Index}: {x.Micros:0}"))}");
        Console.WriteLine($"  collections during the run: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        Console.WriteLine($"  notes sent after the effect that still showed the old velocity: {stale}");
        Console.WriteLine("  (a controller's message reaches seq through the MIDI system first: under JACK, within one period, 1.33 ms at 48 kHz/64)");
        return 0;
    }

    /// <summary>Notes the clock time and bytes of every send in preallocated arrays.</summary>
    private sealed class TimedSink(int capacity) : IMidiSink
    {
        private readonly long[] _at = new long[capacity];
        private readonly int[] _bytes = new int[capacity];
        private int _count;

        public bool Send(ReadOnlySpan<byte> message)
        {
            if (_count >= _at.Length || message.Length < 3) return true;
            _at[_count] = Stopwatch.GetTimestamp();
            _bytes[_count] = message[0] | (message[1] << 8) | (message[2] << 16);
            _count++;
            return true;
        }

        public List<(long At, int Status, int Data1, int Data2)> Sends() =>
            Enumerable.Range(0, _count).Select(i => (_at[i], _bytes[i] & 0xFF, (_bytes[i] >> 8) & 0xFF, (_bytes[i] >> 16) & 0xFF)).ToList();
    }
}
