using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Cli.Commands;

/// <summary>Reads and compiles one .seq file for a command, printing diagnostics; I/O failures become exit code 3.</summary>
public static class SourceFile
{
    public sealed record Loaded(Compilation Compilation, int ExitCode);

    public static Loaded? Compile(string path, CompileOptions options, CliConsole console, bool printDiagnostics = true)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"seq: cannot read '{path}': {Describe(e)}");
            return null;
        }
        var compilation = SeqCompiler.Compile(path, bytes, options);
        if (printDiagnostics) DiagnosticPrinter.PrintText(console.Error, compilation.Source, compilation.Diagnostics);
        return new Loaded(compilation, compilation.HasErrors ? ExitCodes.InputErrors : ExitCodes.Success);
    }

    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
