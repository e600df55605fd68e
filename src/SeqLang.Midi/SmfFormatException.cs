namespace SeqLang.Midi;

/// <summary>A byte sequence that is not a well-formed Standard MIDI File, and where it goes wrong.</summary>
public sealed class SmfFormatException : Exception
{
    public SmfFormatException(string problem, long offset)
        : base($"Malformed MIDI file at byte offset {offset} (0x{offset:X}): {problem}")
    {
        Problem = problem;
        Offset = offset;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>The offset from the start of the file of the byte where reading failed.</summary>
    public long Offset { get; }
}
