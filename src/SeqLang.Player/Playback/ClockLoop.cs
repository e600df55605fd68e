namespace SeqLang.Player;

/// <summary>
/// The clock thread's work: take the next message from the ring, wait for its absolute time (start of
/// playback + due, on the one clock, so nothing drifts), send it, note its lateness, repeat; on any stop,
/// silence everything. Nothing here allocates: messages are structs in preallocated slots, the bytes go
/// out from a stack buffer, lateness goes into chunks the producer made (the tests measure this thread's
/// allocations across a whole run).
/// </summary>
internal sealed class ClockLoop(MessageRing ring, IMidiSink sink, IClock clock, StopSignal stop, LatenessLog? log, PlaybackState state)
{
    /// <summary>
    /// The sink's Send, bound once. Calling it through the interface cost 0.4 ms at the first send and 50 µs
    /// at the second (the runtime resolving the interface call at that call site; measured here, against
    /// 30 µs and then 0.1 µs for a direct call), which made the first notes of every playback late.
    /// </summary>
    private readonly SendMessage _send = sink.Send;

    private delegate bool SendMessage(ReadOnlySpan<byte> message);

    private readonly byte[] _sounding = new byte[16 * 128];
    private readonly bool[] _usedChannels = new bool[16];

    /// <summary>The origin of every due time, in clock ticks.</summary>
    public long Start { get; set; }

    public long Sent { get; private set; }
    public long Underruns { get; private set; }
    public long AllocatedBytes { get; private set; }

    /// <summary>Clock time at which the stop's note-offs and CC 123s had all been sent.</summary>
    public long SilencedAt { get; private set; }

    /// <summary>Channels that must get CC 123 on stop even if nothing was sent on them yet (the tracks' channels).</summary>
    public void MarkChannel(int channel) => _usedChannels[channel] = true;

    public void Run()
    {
        Span<byte> bytes = stackalloc byte[3];
        // Touch every path once before measuring: the stop event makes its lock object at its first real wait.
        _ = stop.Wait(1);
        _ = clock.Now();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        while (true)
        {
            if (stop.IsSet) break;
            // Read the horizon before looking at the ring: the producer publishes a bar's messages, then
            // moves the horizon, so if the ring is empty now, nothing can be due before this horizon.
            var horizon = state.CompiledUntil;
            if (!ring.TryPeek(out var message))
            {
                if (state.ProducerFinished && ring.Count == 0) break;
                if (horizon < clock.Now() - Start)
                {
                    // The producer fell behind the clock: an underrun (never seen in the tests).
                    Underruns++;
                    if (stop.Wait(1)) break;
                }
                else if (!clock.WaitUntil(Start + horizon, stop))
                {
                    break;
                }
                continue;
            }
            var due = Start + message.Due;
            if (!clock.WaitUntil(due, stop)) break;
            if (message.IsEnd)
            {
                ring.Advance();
                state.TryStop(StopReason.End);
                break;
            }
            var now = clock.Now();
            bytes[0] = message.Status;
            bytes[1] = message.Data1;
            bytes[2] = message.Data2;
            if (!_send(bytes[..message.Length]))
            {
                ring.Advance();
                state.TryStop(StopReason.PortFailed);
                break;
            }
            log?.Add(now - due);
            Sent++;
            Track(message);
            ring.Advance();
        }
        Silence(bytes);
        SilencedAt = clock.Now();
        AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    }

    private void Track(in TimedMessage message)
    {
        var channel = message.Channel;
        _usedChannels[channel] = true;
        var key = channel * 128 + message.Data1;
        switch (message.Kind)
        {
            case 0x90 when message.Data2 > 0:
                if (_sounding[key] < byte.MaxValue) _sounding[key]++;
                break;
            case 0x80:
            case 0x90:
                if (_sounding[key] > 0) _sounding[key]--;
                break;
        }
    }

    /// <summary>SPEC §9's stop: a note-off for every sounding note, then CC 123 (all notes off) on every used channel.</summary>
    private void Silence(Span<byte> bytes)
    {
        for (var key = 0; key < _sounding.Length; key++)
        {
            if (_sounding[key] == 0) continue;
            _sounding[key] = 0;
            bytes[0] = (byte)(0x80 | (key >> 7));
            bytes[1] = (byte)(key & 0x7F);
            bytes[2] = 0;
            _send(bytes);
        }
        for (var channel = 0; channel < 16; channel++)
        {
            if (!_usedChannels[channel]) continue;
            bytes[0] = (byte)(0xB0 | channel);
            bytes[1] = 123;
            bytes[2] = 0;
            _send(bytes);
        }
    }
}
