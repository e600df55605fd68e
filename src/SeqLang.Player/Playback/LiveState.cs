namespace SeqLang.Player;

/// <summary>
/// What live control changes while the clock thread plays, shared without locks: lane mutes (which the
/// producer applies by switching versions), velocity scales (read at each send, so they act on the very
/// next message), the live tempo (a factor on the
/// piece's tempo map, applied by the clock thread itself at the moment it sees the request, so time is
/// re-anchored there: no jump, no burst), the cut tick of each generation, and what the clock has reached.
/// Every field has one writer, but the mutes, which the producer sets from the file and live control from the controller.
/// </summary>
public sealed class LiveState
{
    /// <summary>Lanes that live control can address, over every version of the piece played.</summary>
    public const int MaxLanes = 1024;

    private const int Generations = 256;
    private const int BarSlots = 256;

    private readonly int[] _muted = new int[MaxLanes];
    private readonly int[] _velocityScale = new int[MaxLanes];
    private readonly long[] _cuts = new long[Generations];
    private readonly BarInfo?[] _bars = new BarInfo?[BarSlots];
    private readonly StopSignal _signal;

    // The tempo request (control threads) and the warp (clock thread) under a sequence lock.
    private long _requestedBpmBits;
    private int _requestVersion;
    private int _warpSequence;
    private long _anchorWall;
    private long _anchorDue;
    private double _scale = 1;
    private long _lastTick = -1;

    private readonly long _ticksPerBarNumerator;
    private readonly long _ticksPerBarDenominator;

    /// <remarks><c>ticksPerBar</c>: The length of a bar in ticks (a meter's bar need not be whole ticks).</remarks>
    public LiveState(StopSignal signal, Core.Time.Rational ticksPerBar)
    {
        _signal = signal;
        _ticksPerBarNumerator = ticksPerBar.Numerator;
        _ticksPerBarDenominator = ticksPerBar.Denominator;
        Array.Fill(_velocityScale, 127);
        Array.Fill(_cuts, long.MaxValue);
    }

    public bool IsMuted(int lane) => lane >= 0 && Volatile.Read(ref _muted[lane]) != 0;

    /// <summary>Whether a mute target is muted: it has lanes and every one is (a track counts as muted when all its lanes are).</summary>
    public bool AllMuted(ReadOnlySpan<int> lanes)
    {
        if (lanes.IsEmpty) return false;
        foreach (var lane in lanes)
        {
            if (!IsMuted(lane)) return false;
        }
        return true;
    }

    /// <summary>
    /// Mutes or unmutes a lane. The producer sees <see cref="MuteVersion"/> move and switches to a version of the
    /// piece that leaves the muted lanes out (see AheadCompiler), so that what plays is what the file renders
    /// with those mutes: a muted note neither sounds nor cuts one that does.
    /// </summary>
    public void SetMuted(int lane, bool muted)
    {
        var value = muted ? 1 : 0;
        if (Interlocked.Exchange(ref _muted[lane], value) != value) Interlocked.Increment(ref _muteVersion);
    }

    /// <summary>Counts the changes of any lane's mute.</summary>
    public int MuteVersion => Volatile.Read(ref _muteVersion);

    private int _muteVersion;

    /// <summary>Sent velocity = written velocity × scale / 127 (127: as written).</summary>
    public int VelocityScale(int lane) => lane >= 0 ? Volatile.Read(ref _velocityScale[lane]) : 127;

    public void SetVelocityScale(int lane, int scale) => Volatile.Write(ref _velocityScale[lane], Math.Clamp(scale, 0, 127));

    /// <summary>From this tick on, messages of <paramref name="generation"/> still in the ring are dropped.</summary>
    public long CutOf(int generation) => Volatile.Read(ref _cuts[generation & (Generations - 1)]);

    internal void SetCut(int generation, long tick) => Volatile.Write(ref _cuts[generation & (Generations - 1)], tick);

    /// <summary>The producer's notes on a compiled bar, for the status line and the live tempo.</summary>
    public BarInfo? Bar(long bar) => Volatile.Read(ref _bars[bar & (BarSlots - 1)]) is { } info && info.Bar == bar ? info : null;

    internal void PublishBar(BarInfo info) => Volatile.Write(ref _bars[info.Bar & (BarSlots - 1)], info);

    /// <summary>The bar a tick lies in.</summary>
    public long BarOfTick(long tick) => (long)((Int128)tick * _ticksPerBarDenominator / _ticksPerBarNumerator);

    /// <summary>The bar playing now: the last sent message's.</summary>
    public long CurrentBar => BarOfTick(Math.Max(0, LastTick));

    /// <summary>
    /// Where in its bar the clock is at piece time <paramref name="due"/>: the bar and the fraction (0..1) of it
    /// played, or false before the first bar is known.
    /// </summary>
    public bool TryPosition(long due, out long bar, out double fraction)
    {
        bar = CurrentBar;
        fraction = 0;
        for (var b = bar; b <= bar + 2; b++)
        {
            if (Bar(b) is not { } info || info.EndDue <= info.StartDue) continue;
            if (due < info.StartDue || due >= info.EndDue) continue;
            bar = b;
            fraction = (double)(due - info.StartDue) / (info.EndDue - info.StartDue);
            return true;
        }
        return false;
    }

    /// <summary>The tick of the last message the clock thread sent (-1 before the first).</summary>
    public long LastTick
    {
        get => Volatile.Read(ref _lastTick);
        internal set => Volatile.Write(ref _lastTick, value);
    }

    /// <summary>Live tempo: asks the clock thread to play at <paramref name="bpm"/> from now on (20 to 999).</summary>
    public void RequestBpm(double bpm)
    {
        Volatile.Write(ref _requestedBpmBits, BitConverter.DoubleToInt64Bits(Math.Clamp(bpm, 20, 999)));
        Interlocked.Increment(ref _requestVersion);
        _signal.Poke();
    }

    internal int RequestVersion => Volatile.Read(ref _requestVersion);

    internal double RequestedBpm => BitConverter.Int64BitsToDouble(Volatile.Read(ref _requestedBpmBits));

    /// <summary>The tempo playing now: the piece's at the current bar times the live factor.</summary>
    public double Bpm => BaseBpm * TempoScale;

    /// <summary>The piece's own tempo at the bar playing (the first compiled bar before anything was sent).</summary>
    public double BaseBpm => (Bar(CurrentBar) ?? Bar(CurrentBar + 1))?.Bpm ?? 120;

    /// <summary>The factor on the piece's tempo (1: as written).</summary>
    public double TempoScale => ReadWarp(out _, out _);

    /// <summary>Clock thread: from <paramref name="wall"/> (from the start) on, piece time runs <paramref name="scale"/> times as fast.</summary>
    internal void Reanchor(long wall, double scale)
    {
        var due = PieceTimeAt(wall);
        Interlocked.Increment(ref _warpSequence);
        _anchorWall = wall;
        _anchorDue = due;
        _scale = scale;
        Interlocked.Increment(ref _warpSequence);
    }

    /// <summary>Wall time (from the start) at which piece time <paramref name="due"/> sounds.</summary>
    public long WallOf(long due)
    {
        var scale = ReadWarp(out var wall, out var anchorDue);
        // Exact while the tempo was never changed live: the renderer's times to the tick.
        if (scale == 1 && wall == anchorDue) return due;
        return wall + (long)Math.Round((due - anchorDue) / scale);
    }

    /// <summary>Piece time reached at wall time <paramref name="wall"/> (from the start).</summary>
    public long PieceTimeAt(long wall)
    {
        var scale = ReadWarp(out var anchorWall, out var anchorDue);
        if (scale == 1 && anchorWall == anchorDue) return wall;
        return anchorDue + (long)Math.Round((wall - anchorWall) * scale);
    }

    private double ReadWarp(out long anchorWall, out long anchorDue)
    {
        while (true)
        {
            var before = Volatile.Read(ref _warpSequence);
            anchorWall = Volatile.Read(ref _anchorWall);
            anchorDue = Volatile.Read(ref _anchorDue);
            var scale = Volatile.Read(ref _scale);
            if ((before & 1) == 0 && Volatile.Read(ref _warpSequence) == before) return scale;
        }
    }
}

/// <summary>
/// One compiled bar as the status line shows it: where it starts, the piece's tempo there, its section
/// (<c>verse 3/8</c>: bar 3 of 8, counted from 1) and chords.
/// </summary>
/// <c>StartDue</c>/<c>EndDue</c>: its piece time, for finding the step playing between messages.
public sealed record BarInfo(long Bar, long StartTick, double Bpm, string Section, long SectionBar, long? SectionBars, string Chords, long StartDue = 0, long EndDue = 0);
