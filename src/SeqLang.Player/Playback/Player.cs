using System.Runtime;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Player;

/// <summary>What a playback did.</summary>
public sealed record PlaybackResult(
    StopReason Reason,
    long BarsCompiled,
    long MessagesSent,
    long Underruns,
    long ClockThreadAllocatedBytes,
    TimingReport? Timing,
    TimeSpan StopLatency,
    string? Fault,
    GCLatencyMode GcLatencyMode);

/// <summary>
/// Plays a compiled piece into a MIDI sink (SPEC §9): a producer thread compiles bars a second ahead into a
/// lock-free ring; a dedicated clock thread, at the highest priority, sends each message at its absolute
/// time from the start of playback. Garbage collection is kept to short pauses while it plays
/// (<see cref="GCLatencyMode.SustainedLowLatency"/>, or <see cref="GCLatencyMode.LowLatency"/> where the
/// runtime has no concurrent GC), and the clock thread allocates nothing, so it never triggers a
/// collection; a collection the producer triggers still pauses it briefly. One use per instance.
/// </summary>
public sealed class Player : IDisposable
{
    private readonly CompiledPiece _piece;
    private readonly IMidiSink _sink;
    private readonly PlaybackOptions _options;
    private readonly StopSignal _stop = new();
    private readonly PlaybackState _state;
    private long _stopRequestedAt;

    public Player(CompiledPiece piece, IMidiSink sink, PlaybackOptions options)
    {
        _piece = piece;
        _sink = sink;
        _options = options;
        _state = new PlaybackState(_stop);
    }

    /// <summary>Diagnostics the stream reported while playing (warnings, or the limit that stopped it).</summary>
    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Stops playback from any thread (a signal handler, a test): sounding notes end at once.</summary>
    public void RequestStop()
    {
        Interlocked.CompareExchange(ref _stopRequestedAt, _options.Clock.Now(), 0);
        _state.TryStop(StopReason.Interrupted);
    }

    /// <summary>Plays until the end, a stop request, an error or a port failure; returns what happened.</summary>
    public PlaybackResult Run()
    {
        var ring = new MessageRing(_options.RingCapacity);
        var log = _options.RecordTiming ? new LatenessLog() : null;
        var producer = new AheadCompiler(_piece, _options, ring, log, _stop, _state, Diagnostics);
        var clock = new ClockLoop(ring, _sink, _options.Clock, _stop, log, _state);
        foreach (var track in _piece.Tracks) clock.MarkChannel(track.Channel);

        var previousMode = GCSettings.LatencyMode;
        var latencyMode = previousMode;
        Exception? fault = null;
        try
        {
            GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
            // The runtime ignores SustainedLowLatency without concurrent GC, which the CLI turns off (it
            // makes renders faster). LowLatency then keeps full blocking collections away while playing;
            // the short gen 0/1 ones remain.
            if (GCSettings.LatencyMode != GCLatencyMode.SustainedLowLatency) GCSettings.LatencyMode = GCLatencyMode.LowLatency;
            latencyMode = GCSettings.LatencyMode;
            Warmup.Prepare(typeof(ClockLoop), typeof(MessageRing), typeof(LatenessLog), typeof(StopSignal), typeof(PlaybackState),
                _options.Clock.GetType(), _sink.GetType(), typeof(RtMidi.RtMidiNative));
            producer.Prime();
            var start = _options.Clock.Now() + (long)(_options.StartDelay.TotalSeconds * _options.Clock.Frequency);
            clock.Start = start;
            producer.Start = start;

            var clockThread = new Thread(clock.Run) { Name = "seq clock", IsBackground = true, Priority = ThreadPriority.Highest };
            var producerThread = new Thread(() =>
            {
                try
                {
                    producer.Run();
                }
                catch (Exception e)
                {
                    fault = e;
                }
            }) { Name = "seq compile-ahead", IsBackground = true };
            clockThread.Start();
            producerThread.Start();
            clockThread.Join();
            _stop.Set();
            producerThread.Join();
        }
        finally
        {
            GCSettings.LatencyMode = previousMode;
        }

        var requested = Interlocked.Read(ref _stopRequestedAt);
        var stopLatency = requested == 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)(clock.SilencedAt - requested) / _options.Clock.Frequency);
        var timing = log is null ? null : TimingReport.From(log.ToArray(), _options.Clock.Frequency);
        var reason = _state.Reason == StopReason.None ? StopReason.End : _state.Reason;
        return new PlaybackResult(reason, producer.Bars, clock.Sent, clock.Underruns, clock.AllocatedBytes, timing, stopLatency, fault?.ToString(), latencyMode);
    }

    public void Dispose() => _stop.Dispose();
}
