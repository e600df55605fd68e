namespace SeqLang.Cli;

/// <summary>SPEC §8's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int Usage = 2;
    public const int IoError = 3;
}
