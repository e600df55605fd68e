namespace SeqLang.Compiler.Control;

/// <summary>How a control behaves, which decides the actions it can drive.</summary>
internal enum ControlSourceKind
{
    /// <summary><c>cc N</c>: a knob, or a button (a press is the value crossing from below 64 to 64 or above).</summary>
    Cc7,
    /// <summary><c>cc M:L</c>, <c>nrpn</c>, <c>rpn</c>: a fine knob.</summary>
    Fine,
    /// <summary><c>note N</c>: a pad.</summary>
    Note,
    /// <summary><c>notes A..B</c>: a row of pads.</summary>
    Notes,
    /// <summary><c>key "m"</c>: a terminal key.</summary>
    Key,
    /// <summary>A source already reported as unknown: no action is checked against it.</summary>
    Unknown,
}
