using SeqLang.Cli.Output;

namespace SeqLang.Cli.Tests;

/// <summary>
/// SeqCommandLine builds only the command a run names (when no help is asked for): the words of every command are
/// read and refused as the whole tree reads and refuses them.
/// </summary>
public sealed class CommandTreeTests
{
    [Theory]
    [InlineData("render")]
    [InlineData("render", "a.seq", "--bogus")]
    [InlineData("render", "a.seq", "b.seq")]
    [InlineData("render", "a.seq", "--bars")]
    [InlineData("render", "a.seq", "-o")]
    [InlineData("check")]
    [InlineData("check", "a.seq", "--json", "--jsn")]
    [InlineData("events", "--mini")]
    [InlineData("events", "a.seq", "--bars", "0:4", "extra")]
    [InlineData("play", "a.seq", "--port")]
    [InlineData("ports", "extra")]
    [InlineData("roll", "a.seq")]
    [InlineData("freeze", "a.seq")]
    [InlineData("rendr", "a.seq")]
    [InlineData("check", "render")]
    public void A_command_built_alone_reads_its_words_as_the_whole_tree_does(params string[] args)
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);
        var alone = SeqCommandLine.Build(console, args).Parse(args);
        // Asking for the version builds every command (and adds the version option, which these words do not use).
        var whole = SeqCommandLine.Build(console, ["--version"]).Parse(args);
        Assert.Equal(whole.Errors.Select(e => e.Message), alone.Errors.Select(e => e.Message));
        Assert.Equal(whole.CommandResult.Command.Name, alone.CommandResult.Command.Name);
        Assert.Equal(whole.UnmatchedTokens, alone.UnmatchedTokens);
    }

    [Fact]
    public void A_named_command_is_built_alone()
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);
        Assert.Equal(["check"], SeqCommandLine.Build(console, ["check", "a.seq"]).Subcommands.Select(c => c.Name));
        Assert.Equal(7, SeqCommandLine.Build(console, ["chek", "a.seq"]).Subcommands.Count);
        Assert.Equal(7, SeqCommandLine.Build(console, ["check", "--help"]).Subcommands.Count);
    }
}
