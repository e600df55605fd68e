namespace SeqLang.Patterns.Tests.Support;

/// <summary>
/// "Allocates nothing", as far as <c>GC.GetAllocatedBytesForCurrentThread</c> can tell: it is exact only to about
/// one allocation quantum (8 KB). The runtime's own test of it fails now and then with several kilobytes too many
/// (dotnet/runtime issues 13502 and 63487; dotnet/coreclr pull request 16976 loosened its bound), and here runs
/// that allocate nothing read 8,152 bytes about once in three suite runs under load, alone or beside other tests.
/// So the check is less than one quantum over thousands of operations: one allocation per operation would be far
/// over it.
/// </summary>
public static class Allocations
{
    public const long Quantum = 8192;

    public static void AssertNone(long allocatedBytes, long operations, string what)
    {
        Assert.True(operations >= 1000, $"{what}: only {operations} operations, too few to tell an allocation per operation from the counter's inaccuracy");
        Assert.True(allocatedBytes < Quantum, $"{what}: {allocatedBytes} bytes allocated over {operations} operations");
    }
}
