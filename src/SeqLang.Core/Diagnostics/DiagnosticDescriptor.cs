namespace SeqLang.Core.Diagnostics;

/// <summary>
/// One entry of the message catalogue: a stable code, its severity and a message format
/// (<see cref="string.Format(string, object?[])"/> placeholders). Codes never change meaning once published,
/// because editors and scripts match on them.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Format);
