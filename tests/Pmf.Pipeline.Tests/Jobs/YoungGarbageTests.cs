using Pmf.Pipeline.Loading;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>A long load collects its short-lived rows every few megabytes rather than when the runtime's cache-sized budget runs out.</summary>
public sealed class YoungGarbageTests
{
    [Fact]
    public void Once_the_budget_is_allocated_the_youngest_generation_is_collected()
    {
        var young = new YoungGarbage();
        var made = 0L;
        for (var allocated = 0L; allocated <= YoungGarbage.Budget; allocated += 64 * 1024)
        {
            made += new byte[64 * 1024].Length; // garbage at once, as a batch of rows is
        }

        var before = GC.CollectionCount(0);
        young.Check();

        Assert.True(made > YoungGarbage.Budget);
        Assert.True(GC.CollectionCount(0) > before, "no collection after the budget was allocated");
    }
}
