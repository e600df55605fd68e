namespace SeqLang.Player.Tests.Support;

/// <summary>
/// Tests that measure a thread's allocations (<c>GC.GetAllocatedBytesForCurrentThread</c>) or the player's stop
/// latency run alone, after the others: beside other tests in the same process they reported a few kilobytes
/// now and then (8,152 bytes from the clock thread in two sessions, the recording's test once), which eight runs
/// alone under <c>stress --cpu 2</c> never showed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
