namespace SeqLang.Patterns;

/// <summary>
/// The thirteen orders in which Tidal's <c>arp</c> plays a chord's notes (Tidal's <c>arps</c> table in
/// <c>Sound/Tidal/UI.hs</c>); <see cref="Arpeggio.Order"/> says what each does.
/// </summary>
public enum ArpeggioMode
{
    /// <summary>Lowest to highest.</summary>
    Up,
    /// <summary>Highest to lowest.</summary>
    Down,
    /// <summary>Up then down, neither end repeated: 0 4 7 gives 0 4 7 4.</summary>
    UpDown,
    /// <summary>Down then up, neither end repeated: 0 4 7 gives 7 4 0 4.</summary>
    DownUp,
    /// <summary>Up then down, both ends repeated: 0 4 7 gives 0 4 7 7 4 0 (Tidal's <c>up&amp;down</c>).</summary>
    UpAndDown,
    /// <summary>Down then up, both ends repeated: 0 4 7 gives 7 4 0 0 4 7 (Tidal's <c>down&amp;up</c>).</summary>
    DownAndUp,
    /// <summary>From the outside in, lowest first: 0 4 7 11 gives 0 11 4 7.</summary>
    Converge,
    /// <summary>Converge backwards, from the inside out: 0 4 7 11 gives 7 4 11 0.</summary>
    Diverge,
    /// <summary>Converge then back out, the middle once: 0 4 7 gives 0 7 4 7 0.</summary>
    Disconverge,
    /// <summary>Each note but the top, followed by the top: 0 4 7 gives 0 7 4 7.</summary>
    PinkyUp,
    /// <summary>PinkyUp up then down, neither end repeated: 0 4 7 gives 0 7 4 7 4 7.</summary>
    PinkyUpDown,
    /// <summary>The bottom before each other note: 0 4 7 gives 0 4 0 7.</summary>
    ThumbUp,
    /// <summary>ThumbUp up then down, neither end repeated: 0 4 7 gives 0 4 0 7 0 4.</summary>
    ThumbUpDown,
}
