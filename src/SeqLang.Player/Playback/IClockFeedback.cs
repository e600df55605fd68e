namespace SeqLang.Player;

/// <summary>
/// What the player shows on a controller (docs/live-control.md, <c>feedback</c>), driven by the clock thread so
/// that the lights move with the music: the producer marks the step boundaries of every count in
/// <see cref="StepCounts"/> in the stream, and the clock thread calls <see cref="OnStep"/> at each mark's time
/// (after the bar's notes at that instant), <see cref="Refresh"/> when <see cref="Version"/> has moved (an
/// edit, a mute), and <see cref="Clear"/> when it stops. The clock-thread methods must not allocate or block.
/// </summary>
public interface IClockFeedback
{
    /// <summary>Off the clock, before each run, once the piece's lanes have their live ids.</summary>
    void Prepare();

    /// <summary>Producer, once a bar: for each count n, the bar is marked at k/n (k = 0..n-1).</summary>
    int[] StepCounts { get; }

    /// <summary>Moves whenever the whole state must be sent again.</summary>
    int Version { get; }

    /// <summary>Clock thread: sends every pad's state.</summary>
    void Refresh();

    /// <summary>Clock thread: the bar has reached step <paramref name="index"/> of <paramref name="count"/>.</summary>
    void OnStep(int count, int index);

    /// <summary>Clock thread, on stop: turns every pad off.</summary>
    void Clear();
}
