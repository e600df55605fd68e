namespace SeqLang.Cli.Output;

/// <summary>Where a command writes: the real console, or string writers in tests (in-process runs of the real commands).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// Standard output and error as UTF-8, which is what SeqLang's files are. Console.Out would first ask the locale
    /// for an encoding, a twentieth of the time it takes to print the version.
    /// </summary>
    public static CliConsole System() => new(Writer(global::System.Console.OpenStandardOutput()), Writer(global::System.Console.OpenStandardError()));

    private static TextWriter Writer(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1024) { AutoFlush = true });
}
