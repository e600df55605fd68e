namespace SeqLang.Compiler.Mini;

/// <summary>
/// A small thread-safe memo (a dictionary under a lock): values made while querying (the lists <c>a:b</c>
/// builds) are made once and shared. Cheaper to create than a concurrent dictionary, and a file compiles
/// thousands of strings.
/// </summary>
internal sealed class Memo<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _values = new();
    private readonly Func<TKey, TValue> _make;

    public Memo(Func<TKey, TValue> make) => _make = make;

    public TValue Get(TKey key)
    {
        lock (_values)
        {
            if (!_values.TryGetValue(key, out var value)) _values[key] = value = _make(key);
            return value;
        }
    }
}
