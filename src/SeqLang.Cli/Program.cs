using SeqLang.Cli.Output;

namespace SeqLang.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Ctrl-C is handled by the commands that run long (play); every other command is short.
        return SeqCommandLine.Run(args, CliConsole.System());
    }
}
