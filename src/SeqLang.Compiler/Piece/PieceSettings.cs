using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

/// <summary>The top-level settings of SPEC §2 after checking, with defaults filled in.</summary>
public sealed record PieceSettings
{
    public required string Title { get; init; }
    public Rational Tempo { get; init; } = 120;
    public TempoRamp? TempoRamp { get; init; }
    public Meter Meter { get; init; } = Meter.Common;
    public MusicalKey Key { get; init; } = MusicalKey.CMajor;
    public long Seed { get; init; }
    /// <summary>Default swing percent of every lane; 50 is straight.</summary>
    public Rational Swing { get; init; } = 50;
    public string? Output { get; init; }
    public string? Input { get; init; }
    public bool ClockOut { get; init; }
    public bool ClockIn { get; init; }
    public string? ClockInPort { get; init; }

    /// <summary>Length of one bar in seconds at the base tempo, exactly.</summary>
    public Rational SecondsPerBar => Meter.BarQuarters * 60 / Tempo;
}
