namespace SeqLang.Cli.Output;

/// <summary>Where a command writes: the real console, or string writers in tests (in-process runs of the real commands).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System() => new(global::System.Console.Out, global::System.Console.Error);
}
