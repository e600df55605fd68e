namespace SeqLang.Patterns.Signals;

/// <summary>The periodic shapes of SPEC §12, each unipolar (0..1) over one period.</summary>
public enum SignalShape
{
    /// <summary>(sin 2πx + 1) / 2: 0.5 at the start of the period, 1 at a quarter, 0 at three quarters.</summary>
    Sine,
    /// <summary>The sine a quarter period earlier: 1 at the start of the period.</summary>
    Cosine,
    /// <summary>x mod 1: rises from 0 toward 1.</summary>
    Saw,
    /// <summary>1 − saw: falls from 1 toward 0.</summary>
    ISaw,
    /// <summary>Rises 0→1 over the first half of the period and falls back over the second.</summary>
    Tri,
    /// <summary>0 over the first half of the period, 1 over the second.</summary>
    Square,
}
