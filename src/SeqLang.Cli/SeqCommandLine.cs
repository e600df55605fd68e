using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using SeqLang.Cli.Commands;
using SeqLang.Cli.Output;

namespace SeqLang.Cli;

/// <summary>The `seq` command tree (SPEC §8). Usage errors exit 2, not System.CommandLine's default 1.</summary>
public static class SeqCommandLine
{
    private const string Examples = """
        SeqLang: write drum lanes, basslines and arpeggios in mini-notation; render them to MIDI files or play them live.

        Examples:
          seq render examples/demo.seq                 write examples/demo.mid
          seq render song.seq -o out.mid --bars 32     the first 32 bars
          seq check song.seq                           report errors and warnings
          seq check song.seq --json                    the same, for editors
          seq events song.seq --bars 0:4               what plays in bars 0 to 3
          seq events --mini "bd*2 [sd hh]" --json      the events of a mini-notation string
          seq play song.seq --port fluid               play it live to a MIDI port
          seq ports                                    the MIDI ports seq play can use
          seq roll song.seq -o roll.svg --bars 0:8     draw a piano roll (.svg or .png)
          seq freeze song.seq drums.hh --bars 0:4      what a generator played, as a string to paste

        On Linux, coreutils also has a command named seq: use `dotnet seq ...` from a folder with the
        tool manifest, or put ~/.dotnet/tools first on PATH (see README).
        """;

    /// <summary>What <c>seq --version</c> prints: the informational version, as System.CommandLine's version option prints it.</summary>
    public static string Version =>
        typeof(SeqCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SeqCommandLine).Assembly.GetName().Version?.ToString() ?? "";

    /// <summary>The commands, by name, each made when wanted.</summary>
    private static readonly (string Name, Func<CliConsole, Command> Create)[] Commands =
    [
        ("render", RenderCommand.Create),
        ("check", CheckCommand.Create),
        ("events", EventsCommand.Create),
        ("play", PlayCommand.Create),
        ("ports", PortsCommand.Create),
        ("roll", RollCommand.Create),
        ("freeze", FreezeCommand.Create),
    ];

    /// <summary>
    /// The command tree for <paramref name="args"/>. The help and version options are added only when the
    /// arguments ask for them: building them reads System.CommandLine's localized strings, a tenth of a short
    /// render's time (RootCommand would always add them, so the root is a plain command named seq). When the first
    /// word names a command and no help is asked for, the tree holds that command alone: the others' options are
    /// not built for a run that cannot use them.
    /// </summary>
    public static Command Build(CliConsole console, IReadOnlyList<string> args)
    {
        var root = new Command("seq", Examples);
        // Help lists both options, so asking for it adds both.
        var help = args.Any(a => a is "-h" or "--help" or "-?" or "/h" or "/?");
        var version = args.Any(a => a is "--version");
        var only = help || version || args.Count == 0 ? null : Array.Find(Commands, c => c.Name == args[0]).Create;
        if (only is not null) root.Subcommands.Add(only(console));
        else foreach (var (_, create) in Commands) root.Subcommands.Add(create(console));
        if (help) root.Options.Add(new HelpOption());
        if (help || version) root.Options.Add(new VersionOption());
        return root;
    }

    public static int Run(string[] args, CliConsole console)
    {
        // `seq --version` alone is answered before any command is built: its option would read System.CommandLine's
        // localized strings for a description nobody sees (a tenth of the time). With other words it is parsed as usual.
        if (args is ["--version"])
        {
            console.Out.WriteLine(Version);
            return ExitCodes.Success;
        }
        var root = Build(console, args);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine($"seq: {error.Message}");
            console.Error.WriteLine("Try 'seq --help'.");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        return parse.Invoke(configuration);
    }
}
