using System.Runtime.CompilerServices;
using SeqLang.Compiler;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// <c>seq check</c> compiles for diagnostics alone (<see cref="CompileOptions.DiagnosticsOnly"/>), letting each lane's
/// pattern go once it is built: it must report exactly what a full compilation reports, for every example, every
/// golden diagnostic file and the check benchmark's 5,000 lines, and it must have no piece.
/// </summary>
public sealed class DiagnosticsOnlyTests
{
    public static TheoryData<string> Files()
    {
        var root = RepositoryRoot();
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "examples", Path.Combine("tests", "SeqLang.Cli.Tests", "Diagnostics"), Path.Combine("benchmarks", "inputs") })
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*.seq").Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Checking_reports_what_compiling_reports(string file)
    {
        var path = Path.Combine(RepositoryRoot(), file);
        var bytes = File.ReadAllBytes(path);
        var full = SeqCompiler.Compile(path, bytes, new CompileOptions());
        var check = SeqCompiler.Compile(path, bytes, new CompileOptions(DiagnosticsOnly: true));
        Assert.Equal(full.Diagnostics.Select(Describe), check.Diagnostics.Select(Describe));
        Assert.Null(check.Piece);
    }

    private static string Describe(Core.Diagnostics.Diagnostic d) => $"{d.Span.Start}+{d.Span.Length} {d.Code} {d.Severity} {d.Message}";

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
