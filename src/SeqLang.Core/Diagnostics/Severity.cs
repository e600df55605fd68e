namespace SeqLang.Core.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
