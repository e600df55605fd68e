using SeqLang.Core.Text;

namespace SeqLang.Core.Diagnostics;

/// <summary>Collects diagnostics as a stage runs; stages log into it instead of throwing for user mistakes.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => ErrorCount > 0;
    public int ErrorCount { get; private set; }
    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.IsError) ErrorCount++;
    }

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        Add(Diagnostic.Create(descriptor, span, args));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }

    /// <summary>Diagnostics in file order, errors before warnings at the same place; duplicates removed.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .Distinct()
        .OrderBy(d => d.Span.Start)
        .ThenByDescending(d => d.Severity)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ToList();
}
