namespace SeqLang.Compiler.Lanes;

/// <summary>
/// What the file defines at the top level for its lanes to use by name: <c>signal</c>s, <c>groove</c>s and <c>lsystem</c>s. A definition
/// that failed its checks is there with no value, so a lane that uses it is not reported again.
/// </summary>
internal sealed record LaneDefinitions(IReadOnlyDictionary<string, Values.ValueExpression?> Signals, IReadOnlyDictionary<string, Grooves.Groove?> Grooves, bool HasForm,
    IReadOnlyDictionary<string, Generators.Lsystem?>? Lsystems = null,
    IReadOnlyDictionary<string, Values.MarkovChain?>? Chains = null);
