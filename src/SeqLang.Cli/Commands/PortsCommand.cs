using System.CommandLine;
using System.Text.Json;
using SeqLang.Cli.Output;
using SeqLang.Player.RtMidi;

namespace SeqLang.Cli.Commands;

/// <summary><c>seq ports [--json] [--api NAME]</c>: the MIDI ports <c>seq play</c> can use (SPEC §8).</summary>
public static class PortsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "print {\"api\",\"outputs\":[{\"index\",\"name\"}],\"inputs\":[...]}" };
        var api = MidiOptions.Api();
        var command = new Command("ports", "List the MIDI output and input ports.") { json, api };
        command.SetAction(parse => Run(parse.GetValue(json), parse.GetValue(api), console));
        return command;
    }

    private static int Run(bool json, string? apiName, CliConsole console) => MidiOptions.Guard(console, "ports", () =>
    {
        if (!MidiOptions.TryParseApi(apiName, console, "ports", out var requested)) return ExitCodes.Usage;
        var api = MidiSystem.ChooseApi(requested);
        var (outputs, inputs) = MidiSystem.ListPorts(api);
        if (json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("api", MidiApiNames.Name(api));
                Write(writer, "outputs", outputs);
                Write(writer, "inputs", inputs);
                writer.WriteEndObject();
            }
            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Success;
        }
        console.Out.WriteLine(api == MidiApi.Jack ? $"MIDI API: jack (server '{MidiSystem.JackServerName()}')" : $"MIDI API: {MidiApiNames.Name(api)}");
        Print(console, "outputs (seq play --port NAME)", outputs);
        Print(console, "inputs", inputs);
        return ExitCodes.Success;
    });

    private static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<MidiPort> ports)
    {
        writer.WriteStartArray(name);
        foreach (var port in ports)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", port.Index);
            writer.WriteString("name", port.Name);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Print(CliConsole console, string title, IReadOnlyList<MidiPort> ports)
    {
        console.Out.WriteLine($"{title}:");
        if (ports.Count == 0) console.Out.WriteLine("  (none)");
        foreach (var port in ports) console.Out.WriteLine($"  {port.Index}: {port.Name}");
    }
}
