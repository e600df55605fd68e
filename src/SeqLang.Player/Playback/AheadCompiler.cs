using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Player;

/// <summary>
/// The producer: compiles bars from the <see cref="EventStream"/> a second ahead of the clock, orders them
/// with the <see cref="MessageScheduler"/>, times them with the <see cref="TempoMap"/> and writes them into
/// the ring. Everything that can be slow (queries, sorting, allocation, garbage collection) happens here,
/// never on the clock thread. It also checks, four times a second, that the port is still there.
/// </summary>
internal sealed class AheadCompiler
{
    private readonly CompiledPiece _piece;
    private readonly EventStream _stream;
    private readonly MessageScheduler _scheduler;
    private readonly TempoMap _tempo;
    private readonly MessageRing _ring;
    private readonly LatenessLog? _log;
    private readonly StopSignal _stop;
    private readonly PlaybackState _state;
    private readonly IClock _clock;
    private readonly long? _endBar;
    private readonly long _lookahead;
    private readonly Func<bool>? _portAlive;
    private readonly List<PieceEvent> _events = new(256);
    private readonly List<TimedMessage> _batch = new(256);
    private long _nextBar;
    private long _published;
    // While priming nobody consumes yet: what does not fit in the ring waits here, with the horizon to
    // announce once it is in (a bar larger than the ring would otherwise block priming forever).
    private readonly List<TimedMessage> _deferred = new();
    private long? _deferredHorizon;
    private bool _deferredEnd;
    private bool _priming;

    public AheadCompiler(CompiledPiece piece, PlaybackOptions options, MessageRing ring, LatenessLog? log, StopSignal stop, PlaybackState state, DiagnosticBag diagnostics)
    {
        _piece = piece;
        _stream = new EventStream(piece);
        _scheduler = new MessageScheduler(piece, options.Ppq);
        _clock = options.Clock;
        _tempo = new TempoMap(piece, _scheduler.Ticks, _clock.Frequency);
        _ring = ring;
        _log = log;
        _stop = stop;
        _state = state;
        _endBar = options.Bars ?? piece.Form.EndBar;
        _lookahead = (long)(options.Lookahead.TotalSeconds * _clock.Frequency);
        _portAlive = options.PortAlive;
        Diagnostics = diagnostics;
    }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Bars compiled so far.</summary>
    public long Bars => _nextBar;

    /// <summary>The origin of due times, once the clock thread has one.</summary>
    public long Start { get; set; }

    /// <summary>Before the clock starts: fills the first <see cref="PlaybackOptions.Lookahead"/> (the ring permitting).</summary>
    public void Prime()
    {
        _priming = true;
        while (_deferred.Count == 0 && !_state.ProducerFinished && _state.Reason == StopReason.None && _state.CompiledUntil < _lookahead && _ring.Count < _ring.Capacity / 2)
            Step();
        _priming = false;
    }

    /// <summary>The producer thread: stays <see cref="PlaybackOptions.Lookahead"/> ahead of the clock until the end or a stop.</summary>
    public void Run()
    {
        var nextCheck = _clock.Now();
        var checkEvery = _clock.Frequency / 4;
        try
        {
            if (_deferred.Count > 0)
            {
                var rest = _deferred.ToList();
                _deferred.Clear();
                Publish(rest);
                if (_deferredHorizon is { } horizon) _state.CompiledUntil = horizon;
                if (_deferredEnd) _state.ProducerFinished = true;
            }
            while (!_stop.IsSet && !_state.ProducerFinished)
            {
                var now = _clock.Now();
                if (_portAlive is not null && now >= nextCheck)
                {
                    nextCheck = now + checkEvery;
                    if (!_portAlive())
                    {
                        _state.TryStop(StopReason.PortFailed);
                        return;
                    }
                }
                if (_state.CompiledUntil - (now - Start) < _lookahead) Step();
                else _stop.Wait(5);
            }
        }
        catch (Exception)
        {
            _state.TryStop(StopReason.CompileError);
            throw;
        }
    }

    /// <summary>Compiles one bar (or writes the end) and publishes its messages.</summary>
    private void Step()
    {
        _batch.Clear();
        if (_endBar is { } end && _nextBar >= end)
        {
            var endTick = _scheduler.Ticks.ToTick(end);
            _scheduler.EmitBefore(endTick + 1, _batch);
            Publish(_batch);
            _batch.Clear();
            _batch.Add(TimedMessage.End(endTick, _tempo.TimeOf(endTick)));
            if (_deferred.Count > 0)
            {
                _deferred.AddRange(_batch);
                _deferredEnd = true;
                return;
            }
            Publish(_batch, count: false);
            _state.ProducerFinished = true;
            return;
        }
        _events.Clear();
        if (!_stream.Bar(_nextBar, _events, Diagnostics))
        {
            _state.TryStop(StopReason.CompileError);
            return;
        }
        _scheduler.AddBar(_events);
        _nextBar++;
        var horizon = _scheduler.Ticks.ToTick(_nextBar);
        _scheduler.EmitBefore(horizon, _batch);
        Publish(_batch);
        if (_deferred.Count > 0) _deferredHorizon = _tempo.TimeOf(horizon);
        else _state.CompiledUntil = _tempo.TimeOf(horizon);
    }

    private void Publish(List<TimedMessage> batch, bool count = true)
    {
        if (count) _log?.EnsureCapacity(_published + batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            message.Due = _tempo.TimeOf(message.Tick);
            if (count) _published++;
            while (!_ring.TryWrite(message))
            {
                if (_priming)
                {
                    // Keep the rest (timed already) for the producer thread, once the clock consumes.
                    for (var j = i; j < batch.Count; j++)
                    {
                        var rest = batch[j];
                        rest.Due = _tempo.TimeOf(rest.Tick);
                        _deferred.Add(rest);
                    }
                    return;
                }
                if (_stop.Wait(1)) return;
            }
        }
    }
}
