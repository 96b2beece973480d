using Pmf.Cli.Serve;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Hosting;

public sealed class ServeLockTests
{
    [Fact]
    public async Task A_second_lock_on_the_same_SQLite_warehouse_is_refused_until_the_first_is_released()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var first = await ServeLock.AcquireAsync(warehouse.Options, warehouse.Database, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConfigurationProblemException>(() => ServeLock.AcquireAsync(warehouse.Options, warehouse.Database, CancellationToken.None));
        Assert.Contains(ServeLock.LockFileFor(warehouse.Options.ConnectionString), refused.Message, StringComparison.Ordinal);

        await first.DisposeAsync();
        await using var again = await ServeLock.AcquireAsync(warehouse.Options, warehouse.Database, CancellationToken.None);
        Assert.EndsWith(".serve.lock", again.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_memory_warehouse_cannot_be_served()
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => ServeLock.LockFileFor("Data Source=:memory:"));

        Assert.Contains("SQLite file", problem.Message, StringComparison.Ordinal);
    }
}
