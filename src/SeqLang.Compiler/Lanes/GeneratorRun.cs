using SeqLang.Compiler.Values;
using SeqLang.Core.Numbers;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The states of a lane's value generators while its onsets are read in order: each read moves one on. A lane has one
/// to a few generators, so the states are a short array searched by the setting's identity (a setting is made once,
/// when the lane is compiled); a snapshot is that array's copy, a few words a bar where a dictionary was hundreds of
/// bytes and a hash of the whole setting per onset.
/// </summary>
internal sealed class GeneratorRun
{
    private PendingSetting[] _settings = new PendingSetting[2];
    private object[] _states = new object[2];
    private int _count;

    /// <summary>Stands at <paramref name="start"/> again, reusing its arrays.</summary>
    public void Reset(GeneratorStates start)
    {
        if (_settings.Length < start.Settings.Length)
        {
            _settings = new PendingSetting[start.Settings.Length];
            _states = new object[start.Settings.Length];
        }
        start.Settings.CopyTo(_settings, 0);
        start.States.CopyTo(_states, 0);
        _count = start.Settings.Length;
    }

    public FixedPoint Next(PendingSetting setting, ValueGenerator generator, in ValueContext context)
    {
        var i = IndexOf(setting);
        var state = i >= 0 ? _states[i] : generator.Initial;
        var (value, next) = generator.Step(state, context);
        if (i < 0)
        {
            if (_count == _settings.Length)
            {
                Array.Resize(ref _settings, _count * 2);
                Array.Resize(ref _states, _count * 2);
            }
            i = _count++;
            _settings[i] = setting;
        }
        _states[i] = next;
        return value;
    }

    private int IndexOf(PendingSetting setting)
    {
        for (var i = 0; i < _count; i++)
            if (ReferenceEquals(_settings[i], setting)) return i;
        return -1;
    }

    /// <summary>The states now, to start a later bar from.</summary>
    public GeneratorStates Snapshot() => new(_settings[.._count], _states[.._count]);
}

/// <summary>The states of a lane's generators at a bar line; never changed once made.</summary>
internal sealed record GeneratorStates(PendingSetting[] Settings, object[] States)
{
    public static readonly GeneratorStates Empty = new(Array.Empty<PendingSetting>(), Array.Empty<object>());
}
