using SeqLang.Cli;
using SeqLang.Cli.Commands;
using SeqLang.Cli.Output;

namespace SeqLang.Player.Tests;

/// <summary><c>seq play --help</c> names every option of <c>seq play</c>: those of SPEC §8 and those the command defines.</summary>
public sealed class PlayHelpTests
{
    /// <summary>SPEC §8's <c>seq play</c> line, plus <c>--from</c> (SPEC §9 and this session's player) and <c>--synth</c>, <c>--audio</c> (SPEC §16).</summary>
    private static readonly string[] Options =
    [
        "--port", "--virtual", "--synth", "--audio", "--api", "--bars", "--from", "--watch", "--clock-out", "--clock-in", "--input", "--save-edits", "--record", "--timing-report", "--quiet",
    ];

    public static TheoryData<string> SpecOptions => new(Options);

    [Theory]
    [MemberData(nameof(SpecOptions))]
    public void Play_help_lists_the_option(string option)
    {
        var (code, output, error) = Seq("play", "--help");
        Assert.True(code == 0, error);
        // As an option line of its own ("  --port <port>   the output port ..."), not just a word in a description.
        Assert.Contains(output.Split('\n'), line => line.TrimStart().StartsWith(option + " ", StringComparison.Ordinal) && !line.TrimStart().StartsWith(option + "-", StringComparison.Ordinal));
    }

    [Fact]
    public void Play_help_lists_every_option_the_command_defines_with_a_description()
    {
        var (code, output, error) = Seq("play", "--help");
        Assert.True(code == 0, error);
        Assert.Contains("play <FILE> [options]", output); // in-process, the root's name is the test host's
        var command = PlayCommand.Create(new CliConsole(new StringWriter(), new StringWriter()));
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.NotEmpty(command.Options);
        foreach (var option in command.Options)
        {
            var line = lines.FirstOrDefault(l => l.Split(' ', ',')[0] == option.Name || l.Split(", ").Contains(option.Name) || l.StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"--help does not list {option.Name}:\n{output}");
            if (option.Name != "--help") Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{option.Name} has no description");
        }
        // And every option line in the help is one of the spec's, or help itself ("-?, -h, --help").
        var listed = lines.Where(l => l.StartsWith('-')).Select(l => l.StartsWith("-?", StringComparison.Ordinal) ? "--help" : l.Split(' ')[0]).ToList();
        Assert.Equal(Options.Append("--help").Order(), listed.Order());
    }

    private static (int ExitCode, string Out, string Error) Seq(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeqCommandLine.Run(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
