using System.Runtime;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

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
    GCLatencyMode GcLatencyMode,
    bool Realtime,
    long ProducerAllocatedBytes = 0);

/// <summary>
/// Plays a compiled piece into a MIDI sink (SPEC §9): a producer thread compiles bars a second ahead into a
/// lock-free ring; a dedicated clock thread, at real-time priority where the system allows, sends each
/// message at its absolute time from the start of playback. Garbage collection is kept to short pauses
/// while it plays (<see cref="GCLatencyMode.SustainedLowLatency"/>, or <see cref="GCLatencyMode.LowLatency"/>
/// where the runtime has no concurrent GC), and the clock thread allocates nothing, so it never triggers a
/// collection; the producer allocates a few hundred bytes a bar once primed (a test holds it under 1 KB), so
/// in a plain run no collection comes at all; one that live control's compiles trigger still pauses it briefly. Live control goes through
/// <see cref="Live"/> (mutes, velocity, tempo) and <see cref="Switch"/> (a new version of the piece). One
/// use per instance.
/// </summary>
public sealed class PiecePlayer : IDisposable
{
    private readonly CompiledPiece _piece;
    private readonly IMidiSink _sink;
    private readonly PlaybackOptions _options;
    private readonly StopSignal _stop;
    private readonly PlaybackState _state;
    private long _stopRequestedAt;
    private AheadCompiler? _producer;
    private ClockLoop? _clockLoop;

    public PiecePlayer(CompiledPiece piece, IMidiSink sink, PlaybackOptions options, StopSignal? stop = null)
    {
        _piece = piece;
        _sink = sink;
        _options = options;
        _stop = stop ?? new StopSignal();
        _state = new PlaybackState(_stop);
        Live = new LiveState(_stop, new TickConverter(options.Ppq, piece.Settings.Meter.BarQuarters).TicksPerCycle);
    }

    /// <summary>Diagnostics the stream reported while playing (warnings, or the limit that stopped it).</summary>
    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Mutes, velocity scales, live tempo, and where the clock is.</summary>
    public LiveState Live { get; }

    /// <summary>Lane ids for <see cref="Live"/>, by full name.</summary>
    public LaneRegistry Lanes { get; } = new();

    /// <summary>Controller feedback the clock thread drives (set before <see cref="Run"/>), or null.</summary>
    public IClockFeedback? Feedback { get; set; }

    /// <summary>The signal every thread of this playback watches (an external clock pokes it).</summary>
    public StopSignal Signal => _stop;

    /// <summary>Clock time of each track's last note-on (index: the track's index in the piece playing), or null before playing.</summary>
    public long[]? TrackActivity => Volatile.Read(ref _clockLoop)?.TrackActivity;

    /// <summary>The clock time playback started at (bar <see cref="PlaybackOptions.FromBar"/>), once running.</summary>
    public long? StartedAt => Volatile.Read(ref _clockLoop)?.Start;

    /// <summary>Clock time at which the last run's stop had silenced everything.</summary>
    public long SilencedAt => Volatile.Read(ref _clockLoop)?.SilencedAt ?? 0;

    /// <summary>Plays a new version of the piece from the next bar line (or sixteenth) ahead, keeping the bar count.</summary>
    public void Switch(SwitchRequest request) => Volatile.Read(ref _producer)?.Request(request);

    /// <summary>Stops playback from any thread (a signal handler, a test): sounding notes end at once.</summary>
    public void RequestStop()
    {
        Interlocked.CompareExchange(ref _stopRequestedAt, _options.Clock.Now(), 0);
        _state.TryStop(StopReason.Interrupted);
    }

    /// <summary>Plays until the end, a stop request, an error or a port failure; returns what happened.</summary>
    public PlaybackResult Run()
    {
        var previousMode = GCSettings.LatencyMode;
        var latencyMode = previousMode;
        PlaybackResult? result;
        try
        {
            GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
            // The runtime ignores SustainedLowLatency without concurrent GC, which the CLI turns off (it
            // makes renders faster). LowLatency then keeps full blocking collections away while playing;
            // the short gen 0/1 ones remain.
            if (GCSettings.LatencyMode != GCLatencyMode.SustainedLowLatency) GCSettings.LatencyMode = GCLatencyMode.LowLatency;
            latencyMode = GCSettings.LatencyMode;
            Warmup.Prepare(typeof(ClockLoop), typeof(MessageRing), typeof(LatenessLog), typeof(StopSignal), typeof(PlaybackState), typeof(LiveState),
                typeof(ExternalClock), _options.Clock.GetType(), _sink.GetType(), typeof(RtMidi.RtMidiNative));
            if (Feedback is { } feedback) Warmup.PrepareWithNested(feedback.GetType());
            // An external clock's Start while playing plays again from the first bar: a fresh run each time.
            do
            {
                result = RunOnce(latencyMode);
            }
            while (result.Reason == StopReason.Restart && !_stop.IsSet);
        }
        finally
        {
            GCSettings.LatencyMode = previousMode;
        }
        return result;
    }

    private PlaybackResult RunOnce(GCLatencyMode latencyMode)
    {
        _state.Reset();
        var ring = new MessageRing(_options.RingCapacity);
        var log = _options.RecordTiming ? new LatenessLog() : null;
        var feedback = Feedback;
        var producer = new AheadCompiler(_piece, _options, ring, log, _stop, _state, Live, Lanes, Diagnostics, feedback);
        feedback?.Prepare();
        var clock = new ClockLoop(ring, _sink, _options.Clock, _stop, log, _state, Live, _options, feedback);
        foreach (var track in _piece.Tracks) clock.MarkChannel(track.Channel);
        Exception? fault = null;
        var realtime = false;
        long producerAllocated = 0;

        producer.Prime();
        var start = _options.Clock.Now() + (long)(_options.StartDelay.TotalSeconds * _options.Clock.Frequency);
        clock.Start = start;
        clock.FirstTick = producer.FirstTick;
        producer.Start = start;
        Volatile.Write(ref _producer, producer);
        Volatile.Write(ref _clockLoop, clock);

        var clockThread = new Thread(() =>
        {
            realtime = _options.Realtime && RealtimePriority.TryEnter();
            clock.Run();
        }) { Name = "seq clock", IsBackground = true, Priority = ThreadPriority.Highest };
        var producerThread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                producer.Run();
            }
            catch (Exception e)
            {
                fault = e;
            }
            producerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { Name = "seq compile-ahead", IsBackground = true };
        clockThread.Start();
        producerThread.Start();
        clockThread.Join();
        var restart = _state.Reason == StopReason.Restart;
        _stop.Set();
        producerThread.Join();
        if (restart) _stop.Reset();

        var requested = Interlocked.Read(ref _stopRequestedAt);
        var stopLatency = requested == 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)(clock.SilencedAt - requested) / _options.Clock.Frequency);
        var timing = log is null ? null : TimingReport.From(log.ToArray(), log.TimesToArray(), _options.Clock.Frequency);
        var reason = _state.Reason == StopReason.None ? StopReason.End : _state.Reason;
        return new PlaybackResult(reason, producer.Bars, clock.Sent, clock.Underruns, clock.AllocatedBytes, timing, stopLatency, fault?.ToString(), latencyMode, realtime,
            producerAllocated);
    }

    public void Dispose() => _stop.Dispose();
}
