using System.CommandLine;
using System.Text.Json;
using SeqLang.Cli.Output;
using SeqLang.Compiler;

namespace SeqLang.Cli.Commands;

/// <summary><c>seq check FILE... [--json]</c>: compile without rendering and report every diagnostic.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "one or more .seq files", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "print diagnostics as a JSON array (for editors)" };
        var command = new Command("check", "Check .seq files and report errors and warnings.") { files, json };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), console));
        return command;
    }

    private static int Run(string[] paths, bool asJson, CliConsole console)
    {
        var exit = ExitCodes.Success;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var path in paths)
            {
                var loaded = SourceFile.Compile(path, new CompileOptions(DiagnosticsOnly: true), console, printDiagnostics: !asJson);
                if (loaded is null) { exit = ExitCodes.IoError; continue; }
                if (loaded.ExitCode != ExitCodes.Success && exit == ExitCodes.Success) exit = loaded.ExitCode;
                if (asJson)
                {
                    foreach (var d in loaded.Compilation.Diagnostics) DiagnosticPrinter.WriteJson(writer, loaded.Compilation.Source, d);
                }
                else if (!loaded.Compilation.HasErrors)
                {
                    var warnings = loaded.Compilation.Diagnostics.Count;
                    console.Error.WriteLine(warnings == 0 ? $"{path}: ok" : $"{path}: ok, {warnings} warning{(warnings == 1 ? "" : "s")}");
                }
            }
            writer.WriteEndArray();
        }
        if (asJson) console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return exit;
    }
}
