using SeqLang.Midi;

namespace SeqLang.Player;

/// <summary>How to play: length, clock, and what to check while playing.</summary>
public sealed record PlaybackOptions
{
    /// <summary>Bars to play; null: to the form's end, or until stopped when the form never ends.</summary>
    public long? Bars { get; init; }

    /// <summary>The bar playback starts at (bars count from 0); with the clock out, a Song Position Pointer says where.</summary>
    public long FromBar { get; init; }

    /// <summary>Send MIDI clock: Start (or Song Position Pointer and Continue), 24 pulses a quarter note, Stop.</summary>
    public bool ClockOut { get; init; }

    /// <summary>Follow this external clock instead of the piece's tempo (<c>--clock-in</c>).</summary>
    public ExternalClock? External { get; init; }

    /// <summary>How far ahead of the clock a switch lands at the earliest: time for the producer to take back what it sent.</summary>
    public TimeSpan SwitchMargin { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Where the clock thread records what it sends (<c>--record</c>).</summary>
    public Recording.SendRecording? Recording { get; init; }

    /// <summary>Real-time scheduling (SCHED_FIFO) for the clock thread when the system grants it.</summary>
    public bool Realtime { get; init; } = true;

    /// <summary>Keep the lateness of every send for a timing report.</summary>
    public bool RecordTiming { get; init; }

    /// <summary>Asked four times a second on the producer thread; false stops playback (the port vanished).</summary>
    public Func<bool>? PortAlive { get; init; }

    /// <summary>Asked with <see cref="PortAlive"/>, first; false stops playback (the MIDI system itself went away: the JACK server stopped).</summary>
    public Func<bool>? MidiSystemAlive { get; init; }

    public IClock Clock { get; init; } = new StopwatchClock();

    /// <summary>The renderer's resolution, so that the player rounds and orders exactly as the file does.</summary>
    public int Ppq { get; init; } = TickConverter.DefaultPpq;

    /// <summary>How far ahead of the clock the producer compiles.</summary>
    public TimeSpan Lookahead { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// From the end of priming to the first bar's start: lets the threads get scheduled, and lets a port
    /// connection just made take effect. Under JACK a new connection is applied at a later process cycle,
    /// and what is sent before that is lost: seen here, messages sent right after connecting never
    /// arrived, now and then, on a loaded machine.
    /// </summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Ring slots (a power of two).</summary>
    public int RingCapacity { get; init; } = 1 << 14;
}
