namespace SeqLang.Patterns.Signals;

/// <summary>How a <c>ramp</c> bends its way from 0 to 1 (SPEC §12's <c>ease</c>).</summary>
public enum Easing
{
    /// <summary>Straight: x.</summary>
    None,
    /// <summary>Slow start: x².</summary>
    In,
    /// <summary>Slow end: 1 − (1 − x)².</summary>
    Out,
    /// <summary>Slow start and end (smoothstep): 3x² − 2x³.</summary>
    InOut,
}
