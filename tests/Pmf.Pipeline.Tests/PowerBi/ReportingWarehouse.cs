using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Once per test class: the sample framework, all the demo's returns ingested and its two service
/// systems pulled into a SQLite warehouse (as <c>pmf demo</c> does), two follow-ups, the catalogue
/// reloaded with a committee and a delivery-plan action (the sample framework has neither), Ashby Vale's
/// first quarter reviewed, approved and published, and the Power BI project generated from it.
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

        // Finance for Q1 (published for ASH below) and Q2, so Finance and Published finance have rows.
        foreach (var day in new[] { new DateOnly(2026, 8, 15), DateOnly.FromDateTime(IngestHarness.Now.UtcDateTime) })
        {
            foreach (var file in SampleFinance.Create(IngestHarness.Framework, day))
            {
                await Harness.DropAndIngestAsync(file.ReturnPath, file.ToBytes());
            }
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

        await using (var connection = await Harness.Warehouse.OpenAsync())
        {
            var planned = WithCommitteeAndAction(IngestHarness.Framework);
            await CatalogueLoader.LoadAsync(connection, planned, "catalogue.xlsx", FrameworkFingerprint.Of(planned), IngestHarness.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        await using (var connection = await Harness.Warehouse.OpenAsync())
        {
            // ASH-A01's updates for Q1 (published below) and Q2, as an accepted Actions sheet would have loaded them.
            await connection.ExecuteAsync("""
                INSERT INTO fact_action_progress (action_key, action_code, period_key, council_key, service_key, status, percent_complete, commentary,
                                                  revised_date, revision_reason, completion_date, delivery_rag, delivery_label, submission_id,
                                                  sheet_name, row_number, is_current, loaded_at)
                SELECT a.action_key, a.action_code, u.period_key, a.council_key, a.service_key, u.status, u.percent, u.commentary,
                       u.revised, u.reason, NULL, u.rag, u.label, (SELECT MIN(submission_id) FROM submission), 'Actions', u.row_number, 1, '2026-11-20 09:00:00'
                FROM dim_action AS a
                CROSS JOIN (SELECT 202611 AS period_key, 'On track' AS status, 30.0 AS percent, 'Site agreed.' AS commentary, NULL AS revised, NULL AS reason,
                                   'Green' AS rag, 'On track' AS label, 3 AS row_number
                            UNION ALL
                            SELECT 202612, 'At risk', 45.5, 'Fit-out delayed.', '2027-06-30', 'Contractor went into administration.', 'Amber', 'At risk', 4) AS u
                WHERE a.action_code = 'ASH-A01'
                """);
        }

        var ledger = new PublicationLedger(Harness.Warehouse.Database, Harness.Clock);
        foreach (var stage in new[] { PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published })
        {
            await ledger.TakeAsync("ASH", Period.Quarter(2026, 1), stage, "Performance team", "Overview and Scrutiny", null, CancellationToken.None);
        }

        Views = await WarehouseViews.ColumnsAsync(Harness.Warehouse.Database, CancellationToken.None);
        Project = await PowerBiProjectWriter.WriteAsync(Harness.Warehouse.Database, Harness.Warehouse.Options.ConnectionString, _output.Path, CancellationToken.None);
    }

    private static Framework WithCommitteeAndAction(Framework framework)
    {
        var priority = framework.Priorities.First(p => p.CouncilCode == "ASH");
        var service = framework.Services[0];
        return framework with
        {
            Committees = [new Committee("ASH-OS", "Overview and Scrutiny", "ASH", CommitteeKind.Scrutiny, ["Cllr A Smith", "Cllr B Jones"])],
            CommitteeItems = [new CommitteeItem("ASH-OS", CommitteeItemKind.Action, "ASH-A01")],
            Actions = [new DeliveryAction("ASH-A01", "Open the housing advice hub", "ASH", priority.Code, priority.ObjectiveCode, service.Code, service.HeadOfService, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31))],
            Milestones = [new Milestone("ASH-A01", "Site agreed", new DateOnly(2026, 9, 30)), new Milestone("ASH-A01", "Hub open", new DateOnly(2027, 3, 31))],
        };
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        _output.Dispose();
    }
}
