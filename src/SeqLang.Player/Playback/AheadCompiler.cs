using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>
/// The producer: compiles bars from the current <see cref="PlaybackSource"/> a second ahead of the clock,
/// orders them with the renderer's <see cref="MessageOrderer"/> (through <see cref="PlaybackSource"/>), times them with its tempo map and writes them into the
/// ring, with MIDI clock pulses between them when the clock goes out. Everything that can be slow (queries,
/// sorting, allocation, garbage collection) happens here, never on the clock thread. It also checks, four
/// times a second, that the port is still there, and switches to a new version of the piece when asked
/// (<see cref="Request"/>): see <see cref="Switch"/>.
/// </summary>
internal sealed class AheadCompiler
{
    private readonly PlaybackOptions _options;
    private readonly MessageRing _ring;
    private readonly LatenessLog? _log;
    private readonly StopSignal _stop;
    private readonly PlaybackState _state;
    private readonly LiveState _live;
    private readonly LaneRegistry _lanes;
    private readonly IClock _clock;
    private readonly long? _endBar;
    private readonly long _lookahead;
    private readonly long _switchMargin;
    private readonly Func<bool>? _portAlive;
    private readonly Func<bool>? _systemAlive;
    private readonly List<PieceEvent> _events = new(256);
    private readonly List<TimedMessage> _batch = new(256);
    private readonly List<TimedMessage> _merged = new(256);
    // What was published and may not have been sent yet, in tick order: a switch takes back what lies after it.
    private readonly List<TimedMessage> _inFlight = new(4096);
    // Note-offs of notes that sound across a switch, handed to the new version's orderer.
    private readonly List<TimedMessage> _carry = new();
    private readonly ClockPulseMerger _merger;
    private PlaybackSource _source;
    private SwitchRequest? _pending;

    /// <summary>When the last switch's cut is due (<see cref="PieceNow"/>'s time); the next switch waits for it.</summary>
    private long _lastCutDue = long.MinValue;
    private int _generation;
    private long _nextBar;
    private long _published;
    // While priming nobody consumes yet: what does not fit in the ring waits here, with the horizon to
    // announce once it is in (a bar larger than the ring would otherwise block priming forever).
    private readonly List<TimedMessage> _deferred = new();
    private long? _deferredHorizon;
    private bool _deferredEnd;
    private bool _priming;

    public AheadCompiler(CompiledPiece piece, PlaybackOptions options, MessageRing ring, LatenessLog? log, StopSignal stop, PlaybackState state,
        LiveState live, LaneRegistry lanes, DiagnosticBag diagnostics, IClockFeedback? feedback = null)
    {
        _options = options;
        _clock = options.Clock;
        _ring = ring;
        _log = log;
        _stop = stop;
        _state = state;
        _live = live;
        _lanes = lanes;
        _endBar = options.Bars is { } bars ? options.FromBar + bars : piece.Form.EndBar;
        _lookahead = (long)(options.Lookahead.TotalSeconds * _clock.Frequency);
        _switchMargin = (long)(options.SwitchMargin.TotalSeconds * _clock.Frequency);
        _portAlive = options.PortAlive;
        _systemAlive = options.MidiSystemAlive;
        Diagnostics = diagnostics;
        _nextBar = options.FromBar;
        var ticks = new TickConverter(options.Ppq, piece.Settings.Meter.BarQuarters);
        _source = new PlaybackSource(piece, options.Ppq, _clock.Frequency, 0, ticks.ToTick(options.FromBar), lanes.Assign(piece));
        _source.DueOffset = -_source.Tempo.TimeOf(_source.FirstTick);
        ApplyFileMutes(null, piece, _source.LaneIds);
        _source.TakeMutes(_live);
        _merger = new ClockPulseMerger(options.Ppq, options.ClockOut, feedback?.StepCounts);
        _merger.RestartAt(_source.FirstTick);
    }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Bars compiled so far (counting from <see cref="PlaybackOptions.FromBar"/>).</summary>
    public long Bars => _nextBar - _options.FromBar;

    /// <summary>The tick playback starts at.</summary>
    public long FirstTick => _source.FirstTick;

    /// <summary>The origin of due times, once the clock thread has one.</summary>
    public long Start { get; set; }

    /// <summary>Any thread: play a new version of the piece from a point ahead; a later request replaces one not yet applied.</summary>
    public void Request(SwitchRequest request) => Volatile.Write(ref _pending, request);

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
            while (!_stop.IsSet)
            {
                var now = _clock.Now();
                if ((_portAlive is not null || _systemAlive is not null) && now >= nextCheck)
                {
                    nextCheck = now + checkEvery;
                    if (_systemAlive is not null && !_systemAlive())
                    {
                        _state.TryStop(StopReason.MidiSystemLost);
                        return;
                    }
                    if (_portAlive is not null && !_portAlive())
                    {
                        _state.TryStop(StopReason.PortFailed);
                        return;
                    }
                }
                // One switch in flight: the next waits (the latest request replacing any other) until the clock has
                // reached the last one's cut. Faster switches (a knob swept) would pile up generations, and past
                // LiveState's ring of cuts a new generation's slot would hide an old one's cut from the clock.
                var pieceNow = PieceNow();
                if (pieceNow >= _lastCutDue && Interlocked.Exchange(ref _pending, null) is { } request) Switch(request);
                else if (pieceNow >= _lastCutDue && _live.MuteVersion is var mutes && mutes != _source.MuteVersion) SwitchMutes(mutes);
                else if (!_state.ProducerFinished && _state.CompiledUntil - pieceNow < _lookahead) Step();
                else _stop.Wait(2);
            }
        }
        catch (Exception)
        {
            _state.TryStop(StopReason.CompileError);
            throw;
        }
    }

    /// <summary>Piece time the clock has reached (the live tempo may run it faster or slower than the wall clock).</summary>
    private long PieceNow() => _options.External is null ? _live.PieceTimeAt(_clock.Now() - Start) : DueOfLastTick();

    // Under an external clock piece time means nothing; what the clock has sent tells how far it got.
    private long DueOfLastTick() => _source.DueOf(Math.Max(_source.FirstTick, _live.LastTick));

    /// <summary>Compiles one bar (or writes the end) and publishes its messages.</summary>
    private void Step()
    {
        _batch.Clear();
        var ticks = _source.Ticks;
        if (_endBar is { } end && _nextBar >= end)
        {
            var endTick = ticks.ToTick(end);
            _source.CentreBends(endTick);
            _source.EmitBefore(endTick + 1, _batch);
            _merger.Merge(_source, _batch, _merged, endTick + 1, pulsesBefore: endTick); // the end tick's pulse would start a bar that is not played
            Publish(_merged);
            _batch.Clear();
            _batch.Add(TimedMessage.End(endTick, _source.DueOf(endTick), _source.Generation));
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
        if (!_source.Stream.Bar(_nextBar, _events, Diagnostics))
        {
            _state.TryStop(StopReason.CompileError);
            return;
        }
        _source.AddBar(_events);
        _live.PublishBar(_source.InfoOf(_nextBar));
        _nextBar++;
        var horizon = ticks.ToTick(_nextBar);
        _source.EmitBefore(horizon, _batch);
        _merger.Merge(_source, _batch, _merged, horizon, stepsIn: (ticks.ToTick(_nextBar - 1), horizon));
        Publish(_merged);
        var until = _source.DueOf(horizon);
        if (_deferred.Count > 0) _deferredHorizon = until;
        else _state.CompiledUntil = until;
    }

    /// <summary>
    /// Switches to the version <paramref name="request"/> builds, at a tick T far enough ahead of the clock
    /// (<see cref="PlaybackOptions.SwitchMargin"/>). Messages of the old version at or after T are still in
    /// the ring: the cut makes the clock thread drop them. Notes of the old version that started before T and
    /// end after it keep their note-offs, carried into the new version's stream at their ticks. The new
    /// version then plays from T: its bar is queried again and what starts before T is left out.
    /// </summary>
    private void Switch(SwitchRequest request)
    {
        var old = _source;
        var ticks = old.Ticks;
        var earliest = PieceNow() + _switchMargin;
        if (_state.ProducerFinished && _nextBar >= (_endBar ?? long.MaxValue) && old.DueOf(ticks.ToTick(_nextBar)) < earliest)
            return; // the piece has ended: nothing to switch
        var cut = SwitchCut.Find(old, _nextBar, earliest, request.At, _options.Ppq);
        var startBar = SwitchCut.BarOf(ticks, cut);
        CompiledPiece? piece;
        try
        {
            piece = request.Build(startBar);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            piece = null;
        }
        if (piece is null) return;
        if (piece.Settings.Meter.BarQuarters != old.Piece.Settings.Meter.BarQuarters) return; // bars would not line up; the caller checks this first

        _live.SetCut(old.Generation, cut);
        _lastCutDue = old.DueOf(cut);
        // Take back what lies at or after the cut; keep the note-offs of notes already sounding, and those the
        // old version's orderer still holds.
        _carry.Clear();
        var keep = 0;
        for (var i = 0; i < _inFlight.Count; i++)
        {
            var m = _inFlight[i];
            if (m.Tick < cut) _inFlight[keep++] = m;
            else if (m.IsNoteOff && m.OnTick < cut && m.Mark == MessageMark.Send) _carry.Add(m);
        }
        _inFlight.RemoveRange(keep, _inFlight.Count - keep);
        _batch.Clear();
        old.EmitBefore(long.MaxValue, _batch);
        foreach (var m in _batch)
        {
            if (m.IsNoteOff && m.OnTick < cut && m.Tick >= cut) _carry.Add(m);
        }
        _batch.Clear();

        _generation++;
        _live.SetCut(_generation, long.MaxValue);
        var oldTracks = old.Piece.Tracks;
        var next = new PlaybackSource(piece, _options.Ppq, _clock.Frequency, _generation, cut, _lanes.Assign(piece),
            track => !oldTracks.Any(o => o.Channel == track.Channel && o.Program == track.Program && o.BankMsb == track.BankMsb && o.BankLsb == track.BankLsb
                && (!track.SendsBendRange || (o.SendsBendRange && o.BendRange == track.BendRange))));
        next.DueOffset = old.DueOf(cut) - next.Tempo.TimeOf(cut);
        ApplyFileMutes(old.Piece, piece, next.LaneIds);
        next.TakeMutes(_live);
        // The old version's sounding notes end in the new one's order: at their ticks, or where a new note cuts them.
        foreach (var m in _carry) next.Carry(m, m.Track >= 0 ? old.Piece.Tracks[m.Track].Name : null);
        _carry.Clear();
        _source = next;
        _nextBar = startBar;
        _merger.RestartAt(cut);
        _state.ProducerFinished = false;
        request.Applied?.Invoke(startBar);
        // Fill up to where the old version had reached at once, so the clock never waits on the new one.
        while (!_stop.IsSet && _state.CompiledUntil > next.DueOf(ticks.ToTick(_nextBar)) && (_endBar is not { } e || _nextBar < e)) Step();
        // The clock may have dropped the old version's messages from the cut on and found the ring empty before
        // these came: it then sleeps until the horizon, which the new messages precede. Wake it to take them.
        _stop.Poke();
    }

    /// <summary>
    /// Live control muted or unmuted lanes: the same piece from the next sixteenth far enough ahead, ordered
    /// without the lanes muted now, so that a muted note neither sounds nor cuts one that does.
    /// </summary>
    private void SwitchMutes(int mutes)
    {
        var before = _source;
        Switch(new SwitchRequest(_ => before.Piece, SwitchPoint.NextStep));
        // Nothing left to switch (the piece has ended): the mutes are taken as played.
        if (_source == before) before.MuteVersion = mutes;
    }

    /// <summary>
    /// A lane marked <c>mute</c> in the file starts muted (left out of the order until it is unmuted live); a
    /// reload changes a lane's mute only where the file's mark changed.
    /// </summary>
    private void ApplyFileMutes(CompiledPiece? old, CompiledPiece piece, short[][] ids)
    {
        var before = old?.Tracks.SelectMany(t => t.Lanes).ToDictionary(l => l.FullName, l => l.Muted);
        for (var t = 0; t < piece.Tracks.Count; t++)
        {
            foreach (var lane in piece.Tracks[t].Lanes)
            {
                var id = ids[t][lane.LaneIndex];
                if (id < 0) continue;
                if (before is null || !before.TryGetValue(lane.FullName, out var was) || was != lane.Muted) _live.SetMuted(id, lane.Muted);
            }
        }
    }

    private void Publish(List<TimedMessage> batch, bool count = true)
    {
        if (count) _log?.EnsureCapacity(_published + batch.Count);
        _options.Recording?.EnsureCapacity(_published + batch.Count);
        PruneInFlight();
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            message.Due = _source.DueOf(message.Tick);
            if (count) _published++;
            _inFlight.Add(message);
            while (!_ring.TryWrite(message))
            {
                if (_priming)
                {
                    // Keep the rest (timed already) for the producer thread, once the clock consumes.
                    for (var j = i; j < batch.Count; j++)
                    {
                        var rest = batch[j];
                        rest.Due = _source.DueOf(rest.Tick);
                        _deferred.Add(rest);
                    }
                    return;
                }
                if (_stop.Wait(1)) return;
            }
        }
    }

    /// <summary>Forgets what the clock has certainly sent (earlier than its last tick).</summary>
    private void PruneInFlight()
    {
        var sent = _live.LastTick;
        var drop = 0;
        while (drop < _inFlight.Count && _inFlight[drop].Tick < sent) drop++;
        if (drop > 0) _inFlight.RemoveRange(0, drop);
    }
}
