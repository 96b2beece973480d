using Pmf.Pipeline.PowerBi;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>
/// A migrated SQLite warehouse holding the sample framework (or another: <see cref="Actions.ActionHarness"/>),
/// a return store, and the ingest job over both, as of 23 November 2026 (financial year 2026/27; Q2 is the
/// latest ended quarter).
/// </summary>
public sealed class IngestHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TestWarehouse _warehouse;

    private IngestHarness(
        TestWarehouse warehouse, IReturnStore store, FakeTimeProvider clock, Func<FakeTimeProvider, PowerBiRefresher>? refresher, IMailTransport? mail)
    {
        _warehouse = warehouse;
        Store = store;
        Clock = clock;
        Job = new IngestReturnJob(warehouse.Database, store, clock, NullLogger<IngestReturnJob>.Instance, refresher: refresher?.Invoke(clock), mail: mail);
    }

    public static Framework Framework { get; } = SampleFramework.Create(new FinancialYear(2026));

    public IReturnStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public IngestReturnJob Job { get; }

    public TestWarehouse Warehouse => _warehouse;

    /// <param name="store">The return store over the storage folder (default: a local folder).</param>
    /// <param name="refresher">Power BI's refresher, when the test looks at refreshes.</param>
    /// <param name="mail">Where sender reports go, when the test reads them.</param>
    /// <param name="framework">The catalogue to load (default: <see cref="Framework"/>, the sample framework).</param>
    /// <param name="catalogueFrom">The day the catalogue's versions start (default: 1 April 2025).</param>
    public static async Task<IngestHarness> CreateAsync(
        Func<string, TimeProvider, IReturnStore>? store = null, Func<FakeTimeProvider, PowerBiRefresher>? refresher = null, IMailTransport? mail = null,
        Framework? framework = null, DateOnly? catalogueFrom = null)
    {
        var warehouse = await TestWarehouse.CreateAsync();
        framework ??= Framework;
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), Now, catalogueFrom ?? new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        var clock = new FakeTimeProvider(Now);
        var root = Path.Combine(warehouse.FolderPath, "storage");
        return new IngestHarness(warehouse, store?.Invoke(root, clock) ?? new LocalFolderReturnStore(root, clock), clock, refresher, mail);
    }

    /// <summary>Drops a return as a service would and ingests it.</summary>
    public async Task<IngestOutcome> DropAndIngestAsync(SampleReturnFile file) =>
        await DropAndIngestAsync(file.ReturnPath, SampleReturnWriter.ToBytes(file));

    public async Task<IngestOutcome> DropAndIngestAsync(string name, byte[] bytes)
    {
        var path = ReturnPath.Parse(name).Path ?? throw new ArgumentException($"{name} is not a droppable name", nameof(name));
        await Store.DropAsync(path, new MemoryStream(bytes), null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return await Job.RunAsync(name, CancellationToken.None);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await _warehouse.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public Task<IReadOnlyDictionary<string, long>> CountsAsync() => _warehouse.CountsAsync();

    public ValueTask DisposeAsync()
    {
        _warehouse.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A clean quarterly return for Housing, 2026/27 Q2, built from the sample generator.</summary>
    public static SampleReturnFile CleanHousingReturn() =>
        SampleReturns.Create(Framework, new DateOnly(2026, 10, 20)).First(f => f.ServiceCode == "HOU" && f.StatedPeriod is null && f.FileName.Contains("2026-27 Q1", StringComparison.Ordinal));
}
