using SeqLang.Compiler.Values;
using SeqLang.Core.Numbers;

namespace SeqLang.Compiler.Lanes;

/// <summary>The states of a lane's value generators while its onsets are read in order: each read moves one on.</summary>
internal sealed class GeneratorRun
{
    private readonly Dictionary<PendingSetting, object> _states;

    public GeneratorRun(IReadOnlyDictionary<PendingSetting, object>? start = null) =>
        _states = start is null ? new Dictionary<PendingSetting, object>() : new Dictionary<PendingSetting, object>(start);

    public FixedPoint Next(PendingSetting setting, ValueGenerator generator, in ValueContext context)
    {
        var state = _states.TryGetValue(setting, out var s) ? s : generator.Initial;
        var (value, next) = generator.Step(state, context);
        _states[setting] = next;
        return value;
    }

    /// <summary>The states now, to start a later bar from.</summary>
    public IReadOnlyDictionary<PendingSetting, object> Snapshot() => new Dictionary<PendingSetting, object>(_states);
}
