using SeqLang.Core.Text;

namespace SeqLang.Compiler.Control;

/// <summary>
/// <c>key "m" -> ACTION</c>: a terminal hotkey (case-sensitive) with a switch action (<see cref="MuteAction"/>,
/// <see cref="NextSectionAction"/> or <see cref="JumpSectionAction"/>).
/// </summary>
public sealed record KeyBinding(char Key, ControlAction Action, string Text, SourceSpan Span)
{
    /// <summary>The player's own keys, which a file cannot bind: tempo up and down 1 BPM, list the bindings, quit, and space.</summary>
    public static IReadOnlyDictionary<char, string> Reserved { get; } = new Dictionary<char, string>
    {
        ['+'] = "tempo +1 BPM",
        ['-'] = "tempo -1 BPM",
        ['?'] = "lists the bindings",
        ['q'] = "quits",
        [' '] = "reserved for the player",
    };
}
