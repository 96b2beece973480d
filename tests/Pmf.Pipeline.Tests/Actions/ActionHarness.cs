using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>
/// South Oxfordshire and the Vale's framework (with its delivery plan) in a migrated SQLite warehouse, a
/// local return store and the ingest job, as of 23 November 2026: 2026/27 Q2 is the latest ended quarter.
/// Climate (CLM) delivers SOD-A01, SOD-A02 and VWH-A01; Communities (COM) delivers SOD-A03.
/// </summary>
internal sealed class ActionHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private ActionHarness(TestWarehouse warehouse, IReturnStore store, FakeTimeProvider clock)
    {
        Warehouse = warehouse;
        Store = store;
        Clock = clock;
        Job = new IngestReturnJob(warehouse.Database, store, clock, NullLogger<IngestReturnJob>.Instance);
    }

    public static Framework Framework { get; } = DemoFrameworks.Named("south-vale").Create(new FinancialYear(2026));

    /// <summary>Climate's quarterly qualitative indicator, reported on the Return sheet beside the actions.</summary>
    public static string ClimateIndicator { get; } = Framework.Indicators
        .First(i => i.ServiceCode == "CLM" && i.Type == IndicatorType.Qualitative && i.Frequency == Frequency.Quarterly).Code;

    public TestWarehouse Warehouse { get; }

    public IReturnStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public IngestReturnJob Job { get; }

    /// <summary>
    /// The framework with a Democratic Services team (DEM) that reports no indicator and delivers South's
    /// live-streaming action (SOD-A04, Customer Services' in the seed): a service owing only action updates.
    /// </summary>
    public static Framework WithDemocraticServices { get; } = Framework with
    {
        Services = [.. Framework.Services, new Service("DEM", "Democratic Services", "Dana Ellis", "dana.ellis@southandvale.example.gov.uk", null, null)],
        Actions = [.. Framework.Actions.Select(a => a.Code == "SOD-A04" ? a with { ServiceCode = "DEM" } : a)],
    };

    public static async Task<ActionHarness> CreateAsync(Framework? framework = null)
    {
        framework ??= Framework;
        var warehouse = await TestWarehouse.CreateAsync();
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), Now, new DateOnly(2026, 4, 1), CancellationToken.None);
        }

        var clock = new FakeTimeProvider(Now);
        return new ActionHarness(warehouse, new LocalFolderReturnStore(Path.Combine(warehouse.FolderPath, "storage"), clock), clock);
    }

    public async Task<IngestOutcome> DropAndIngestAsync(string name, byte[] bytes)
    {
        var path = ReturnPath.Parse(name).Path ?? throw new ArgumentException($"{name} is not a droppable name", nameof(name));
        await Store.DropAsync(path, new MemoryStream(bytes), null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return await Job.RunAsync(name, CancellationToken.None);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Warehouse.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public ValueTask DisposeAsync()
    {
        Warehouse.Dispose();
        return ValueTask.CompletedTask;
    }
}
