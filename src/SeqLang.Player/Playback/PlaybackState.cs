namespace SeqLang.Player;

/// <summary>Why playback stopped.</summary>
public enum StopReason
{
    /// <summary>Still playing.</summary>
    None,
    /// <summary><c>--bars</c> reached, or the form's end.</summary>
    End,
    /// <summary>Ctrl-C or another stop request.</summary>
    Interrupted,
    /// <summary>A bar broke a limit (SPEC §10); the diagnostics say which.</summary>
    CompileError,
    /// <summary>Sending failed, or the port we connected to went away.</summary>
    PortFailed,
    /// <summary>The MIDI system itself went away (the JACK server stopped): nothing can be sent any more.</summary>
    MidiSystemLost,
    /// <summary>The external clock sent Start while playing: play again from the first bar.</summary>
    Restart,
}

/// <summary>What the producer, the clock thread and stop requests share; every field is written by one thread and read by others.</summary>
internal sealed class PlaybackState(StopSignal stop)
{
    private int _reason;
    private long _compiledUntil;
    private volatile bool _producerFinished;

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>Before a run starts again (an external clock's restart).</summary>
    public void Reset()
    {
        Volatile.Write(ref _reason, (int)StopReason.None);
        CompiledUntil = 0;
        ProducerFinished = false;
    }

    /// <summary>Records the first reason and signals every thread to stop.</summary>
    public void TryStop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
        stop.Set();
    }

    /// <summary>Due time (from the start) up to which every message is in the ring.</summary>
    public long CompiledUntil
    {
        get => Volatile.Read(ref _compiledUntil);
        set => Volatile.Write(ref _compiledUntil, value);
    }

    /// <summary>The producer has written its last message (the end marker).</summary>
    public bool ProducerFinished
    {
        get => _producerFinished;
        set => _producerFinished = value;
    }
}
