namespace SeqLang.Player;

/// <summary>
/// The clock thread's work: take the next message from the ring, wait for its absolute time (start of
/// playback + its piece time through the live tempo, on the one clock, so nothing drifts; or, following an
/// external clock, the master's position), send it, note its lateness, repeat; on any stop, silence
/// everything. Live control acts here, on messages not yet sent: a lane's velocity scaled, a tempo request
/// re-anchors time at the moment it is seen (mutes are not applied here: a muted lane is left out of the order
/// by the producer, so that a muted note never cuts one that sounds). Controller
/// feedback goes out from here too: the pads of a step when its mark is due, the whole state when it changed. Messages of
/// an older version of the piece at or after its cut are dropped without waiting. A note-off goes out only
/// for a note that sounds (one whose note-on a cut dropped has nothing to end). Nothing here
/// allocates: messages are structs in preallocated slots, the bytes go out from a stack buffer, lateness goes
/// into chunks the producer made (the tests measure this thread's allocations across a whole run).
/// </summary>
internal sealed class ClockLoop(MessageRing ring, IMidiSink sink, IClock clock, StopSignal stop, LatenessLog? log, PlaybackState state,
    LiveState live, PlaybackOptions options, IClockFeedback? feedback = null)
{
    /// <summary>
    /// The sink's Send, bound once: an interface call resolves its target at its first calls from a call site
    /// (50 µs measured at the second send), which would make the first notes of every playback late.
    /// </summary>
    private readonly SendMessage _send = sink.Send;

    private delegate bool SendMessage(ReadOnlySpan<byte> message);

    private int _feedbackVersion = feedback is null ? 0 : feedback.Version - 1;

    private readonly byte[] _sounding = new byte[16 * 128];
    private readonly bool[] _usedChannels = new bool[16];
    // Per channel, the last bend sent, signed from the centre: what a stop must undo.
    private readonly short[] _bends = new short[16];
    private readonly ExternalClock? _external = options.External;
    private readonly double _ticksPerPulse = options.Ppq / 24.0;
    private int _tempoVersion;
    private int _restarts = options.External?.Restarts ?? 0;
    private bool _paused;

    /// <summary>The origin of every due time, in clock ticks.</summary>
    public long Start { get; set; }

    /// <summary>The tick playback starts at (the external clock's pulse 0).</summary>
    public long FirstTick { get; set; }

    public long Sent { get; private set; }
    public long Underruns { get; private set; }
    public long AllocatedBytes { get; private set; }

    /// <summary>Clock time at which the stop's note-offs and CC 123s had all been sent.</summary>
    public long SilencedAt { get; private set; }

    /// <summary>Channels that must get CC 123 on stop even if nothing was sent on them yet (the tracks' channels).</summary>
    public void MarkChannel(int channel) => _usedChannels[channel] = true;

    /// <summary>Clock time of the last note-on per track (for the status line's activity lights).</summary>
    public long[] TrackActivity { get; } = new long[256];

    public void Run()
    {
        Span<byte> bytes = stackalloc byte[3];
        // Touch every path once before measuring: the stop event makes its lock object at its first real wait.
        _ = stop.Wait(1);
        _ = stop.WaitForClock(1);
        _ = clock.Now();
        _tempoVersion = live.RequestVersion;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        while (true)
        {
            if (stop.IsSet) break;
            if (live.RequestVersion != _tempoVersion) ApplyTempo();
            if (feedback is not null && feedback.Version != _feedbackVersion)
            {
                _feedbackVersion = feedback.Version;
                feedback.Refresh();
            }
            if (_external is not null && !FollowExternal(bytes)) break;
            // Read the horizon before looking at the ring: the producer publishes a bar's messages, then
            // moves the horizon, so if the ring is empty now, nothing can be due before this horizon.
            var horizon = state.CompiledUntil;
            if (!ring.TryPeek(out var message))
            {
                if (state.ProducerFinished && ring.Count == 0) break;
                var horizonAt = _external is null ? Start + live.WallOf(horizon) : long.MaxValue;
                if (_external is null && horizonAt < clock.Now())
                {
                    // The producer fell behind the clock: an underrun (never seen in the tests).
                    Underruns++;
                    if (stop.Wait(1)) break;
                }
                else if (!clock.WaitUntil(horizonAt, stop) && stop.IsSet)
                {
                    break;
                }
                continue;
            }
            if (message.Tick >= live.CutOf(message.Generation))
            {
                ring.Advance();
                continue;
            }
            var due = DueOf(message);
            if (!clock.WaitUntil(due, stop))
            {
                if (stop.IsSet) break;
                continue; // poked: the tempo or the external clock moved; look again
            }
            if (message.Tick >= live.CutOf(message.Generation))
            {
                ring.Advance();
                continue;
            }
            if (message.IsEnd)
            {
                ring.Advance();
                state.TryStop(StopReason.End);
                break;
            }
            if (message.IsStep)
            {
                ring.Advance();
                feedback?.OnStep(message.StepCount, message.StepIndex);
                continue;
            }
            if (!Send(message, due, bytes)) break;
            ring.Advance();
        }
        Silence(bytes, endClock: options.ClockOut);
        SilencedAt = clock.Now();
        feedback?.Clear();
        AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    }

    private long DueOf(in TimedMessage message) =>
        _external is null ? Start + live.WallOf(message.Due) : _external.DueOf(message.Tick, FirstTick, _ticksPerPulse, clock.Now());

    /// <summary>
    /// What live control makes of a message, without changing anything: false when it is not sent (a note-off
    /// for a note that does not sound), and the velocity it goes out with.
    /// </summary>
    private bool Shape(in TimedMessage message, out byte data2)
    {
        data2 = message.Data2;
        if (message.Length < 2 || message.Status >= 0xF0) return true;
        if (message.IsNoteOff) return _sounding[message.Channel * 128 + message.Data1] != 0;
        if (message.IsNoteOn)
        {
            var scale = live.VelocityScale(message.Lane);
            if (scale != 127) data2 = (byte)Math.Clamp((data2 * scale + 63) / 127, 1, 127);
        }
        return true;
    }

    /// <summary>Applies live control to one message and sends it; false when the port failed.</summary>
    private bool Send(in TimedMessage message, long due, Span<byte> bytes)
    {
        var now = clock.Now();
        if (!Shape(message, out var data2)) return true;
        var status = message.Status;
        if (message.Length >= 2 && status < 0xF0)
        {
            var key = message.Channel * 128 + message.Data1;
            if (message.IsNoteOff)
            {
                _sounding[key]--;
            }
            else if (message.IsNoteOn)
            {
                if (_sounding[key] < byte.MaxValue) _sounding[key]++;
                if (message.Track >= 0) TrackActivity[message.Track & 255] = now;
            }
            else if (message.Kind == 0xE0)
            {
                _bends[message.Channel] = (short)((message.Data1 | message.Data2 << 7) - 8192);
            }
            _usedChannels[message.Channel] = true;
        }
        bytes[0] = status;
        bytes[1] = message.Data1;
        bytes[2] = data2;
        if (!_send(bytes[..message.Length]))
        {
            ring.Advance();
            state.TryStop(StopReason.PortFailed);
            return false;
        }
        log?.Add(now - due, now);
        live.LastTick = message.Tick;
        options.Recording?.Add(now - Start, bytes[..message.Length]);
        Sent++;
        return true;
    }

    /// <summary>
    /// A tempo request, applied now: piece time reached so far stays where it is; from here on it runs at
    /// the requested BPM over the piece's own tempo at the bar playing.
    /// </summary>
    private void ApplyTempo()
    {
        _tempoVersion = live.RequestVersion;
        live.Reanchor(clock.Now() - Start, live.RequestedBpm / live.BaseBpm);
    }

    /// <summary>With an external clock: silence on its Stop, resume on Continue, restart on Start; false to end this run.</summary>
    private bool FollowExternal(Span<byte> bytes)
    {
        var external = _external!;
        if (external.Restarts != _restarts)
        {
            state.TryStop(StopReason.Restart);
            return false;
        }
        var paused = external.State == ExternalClockState.Paused;
        if (paused && !_paused) Silence(bytes, endClock: false);
        _paused = paused;
        return true;
    }

    /// <summary>
    /// SPEC §9's stop: a note-off for every sounding note, then CC 123 (all notes off) on every used channel, then
    /// each bent channel's bend back to the centre (SPEC §13: a synth keeps a bend, and would play whatever comes
    /// next out of tune), then MIDI Stop if the clock goes out.
    /// </summary>
    private void Silence(Span<byte> bytes, bool endClock)
    {
        for (var key = 0; key < _sounding.Length; key++)
        {
            if (_sounding[key] == 0) continue;
            _sounding[key] = 0;
            bytes[0] = (byte)(0x80 | (key >> 7));
            bytes[1] = (byte)(key & 0x7F);
            bytes[2] = 0;
            _send(bytes);
            options.Recording?.Add(clock.Now() - Start, bytes);
        }
        for (var channel = 0; channel < 16; channel++)
        {
            if (!_usedChannels[channel]) continue;
            bytes[0] = (byte)(0xB0 | channel);
            bytes[1] = 123;
            bytes[2] = 0;
            _send(bytes);
            options.Recording?.Add(clock.Now() - Start, bytes);
        }
        for (var channel = 0; channel < 16; channel++)
        {
            if (_bends[channel] == 0) continue;
            _bends[channel] = 0;
            bytes[0] = (byte)(0xE0 | channel);
            bytes[1] = 0;    // 8192 = centre: LSB 0,
            bytes[2] = 0x40; // MSB 64
            _send(bytes);
            options.Recording?.Add(clock.Now() - Start, bytes);
        }
        if (endClock)
        {
            bytes[0] = 0xFC;
            _send(bytes[..1]);
        }
    }
}
