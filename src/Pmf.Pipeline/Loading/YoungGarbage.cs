namespace Pmf.Pipeline.Loading;

/// <summary>
/// Collects the youngest generation every <see cref="Budget"/> bytes a load allocates. Every row is a
/// few kilobytes of objects that live for a moment; .NET sizes its first generation from the largest CPU
/// cache (about half of it), so on a machine with a large cache (260 MB here) a process lets over 100 MB
/// of that garbage pile up before collecting it, and the whole process's memory peaks that much higher.
/// Collected every 16 MB instead, the survivors are a few batches of rows, so each collection costs
/// little (bench/README.md).
/// </summary>
internal sealed class YoungGarbage
{
    /// <summary>Bytes allocated between collections.</summary>
    public const long Budget = 16L * 1024 * 1024;

    private long _next = GC.GetTotalAllocatedBytes() + Budget;

    /// <summary>Collects generation 0 when the process has allocated <see cref="Budget"/> bytes since the last time.</summary>
    public void Check()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (allocated >= _next)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _next = GC.GetTotalAllocatedBytes() + Budget;
        }
    }
}
