using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Once per test class: the sample framework, all the demo's returns ingested and its two service
/// systems pulled into a SQLite warehouse (as <c>pmf demo</c> does), two follow-ups, and the Power BI
/// project generated from it.
/// </summary>
public sealed class ReportingWarehouse : IAsyncLifetime
{
    private readonly TempFolder _output = new();

    public IngestHarness Harness { get; private set; } = null!;

    public PowerBiProject Project { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<ViewColumn>> Views { get; private set; } = null!;

    public string OutputFolder => _output.Path;

    public async Task InitializeAsync()
    {
        Harness = await IngestHarness.CreateAsync();
        foreach (var file in SampleReturns.Create(IngestHarness.Framework, DateOnly.FromDateTime(IngestHarness.Now.UtcDateTime)))
        {
            await Harness.DropAndIngestAsync(file);
        }

        using (var sources = new TempFolder())
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            await using var systems = await SampleSources.StartAsync(IngestHarness.Framework, sources.Path, DateOnly.FromDateTime(IngestHarness.Now.UtcDateTime), CancellationToken.None);
            var pulls = await new PullSourcesJob(Harness.Warehouse.Database, systems.Sources, systems.Secrets, http, Harness.Clock, NullLogger<PullSourcesJob>.Instance)
                .RunAsync(null, null, CancellationToken.None);
            Assert.All(pulls, p => Assert.False(p.IsProblem, p.Run.Message));
        }

        await using (var connection = await Harness.Warehouse.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO follow_up (kind, indicator_code, period_key, service_key, owner_email, raised_at, status, escalation_level, last_changed_at)
                SELECT k.kind, r.indicator_code, r.period_key, r.service_key, 'head@example.org', '2026-11-20 09:00:00', k.status, k.level, '2026-11-20 09:00:00'
                FROM fact_result AS r
                CROSS JOIN (SELECT 'Late' AS kind, 'Open' AS status, 1 AS level UNION ALL SELECT 'Failing', 'Resolved', 0) AS k
                WHERE r.result_key = (SELECT MIN(result_key) FROM fact_result)
                """);
        }

        Views = await WarehouseViews.ColumnsAsync(Harness.Warehouse.Database, CancellationToken.None);
        Project = await PowerBiProjectWriter.WriteAsync(Harness.Warehouse.Database, Harness.Warehouse.Options.ConnectionString, _output.Path, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        _output.Dispose();
    }
}
