using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Returns;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>Action updates once loaded: in the reports beside their objective's indicators, in the sweep's follow-ups, in open data.</summary>
public sealed class ActionFollowThroughTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    private static byte[] Updates(params object?[]?[] rows) => ReturnFiles.Workbook(wb => ReturnFiles.Fill(wb.AddWorksheet("Actions"),
        [["Period: 2026/27 Q2"], ["Action", "Status", "% complete", "Commentary", "Revised date", "Reason for revised date", "Completion date"], .. rows]));

    private static Task<PerformanceReport> ReportAsync(IngestHarness harness) => new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
        new CouncilName("SOD", "South Oxfordshire District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, Q2), harness.Clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task The_report_shows_each_action_beside_its_themes_indicators_with_its_delivery_RAG_in_words_and_a_committee_only_its_own()
    {
        await using var harness = await ActionHarness.CreateAsync();
        await harness.DropAndIngestAsync("CLM/q2.xlsx", Updates(
            ["SOD-A01", "Complete", 100, "Adopted in September.", null, null, new DateTime(2026, 9, 20, 0, 0, 0, DateTimeKind.Unspecified)],
            ["SOD-A02", "Off track", 20, "Surveyor unavailable.", new DateTime(2027, 6, 30, 0, 0, 0, DateTimeKind.Unspecified), "Survey season missed."]));

        var report = await ReportAsync(harness);

        Assert.Equal(ActionHarness.Framework.Actions.Where(a => a.CouncilCode == "SOD").Select(a => a.Code).Order(), report.Actions.Select(a => a.Code).Order());
        var a01 = report.Actions.Single(a => a.Code == "SOD-A01");
        Assert.Equal(new DeliveryRag(RagStatus.Green, "Delivered"), a01.Update!.Delivery);
        Assert.Null(report.Actions.Single(a => a.Code == "SOD-A04").Update);
        var html = Dom.Parse(PerformanceReportHtml.Render(report));
        var row = html.One("tbody.action[data-action='SOD-A02']");
        Assert.Equal("Off track", row.One("span.rag.red").Words());
        Assert.Contains("30/06/2027 (revised from 31/03/2027)", row.Words(), StringComparison.Ordinal);
        Assert.Contains("Why the date moved: Survey season missed.", row.Words(), StringComparison.Ordinal);
        Assert.Equal("Delivered", html.One("tbody.action[data-action='SOD-A01'] span.rag.green").Words());
        Assert.Equal("No update", html.One("tbody.action[data-action='SOD-A04'] span.rag").Words());
        // Beside the indicators of its theme: the actions table follows the theme's indicator table.
        var climate = html.One("table.actions[data-objective=''] tbody.action[data-action='SOD-A01']").Closest("table")!;
        Assert.Equal("TABLE", climate.PreviousElementSibling!.TagName);
        Assert.Contains(climate.PreviousElementSibling.QuerySelectorAll("tbody.indicator"), i => i.GetAttribute("data-indicator")!.StartsWith("SOD-CLM", StringComparison.Ordinal));

        var ceac = (await new PerformanceReportQuery(harness.Warehouse.Database).CommitteesAsync(CancellationToken.None)).Single(c => c.Code == "SOD-CEAC");
        var committee = await new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            ceac, new CouncilName("SOD", "South Oxfordshire District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, Q2), harness.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(["SOD-A01", "SOD-A02"], committee.Actions.Select(a => a.Code).Order());
    }

    [Fact]
    public async Task An_overdue_milestone_is_followed_up_with_the_actions_service_in_plain_words_and_resolved_by_an_on_track_update()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var sweep = new SweepJob(harness.Warehouse.Database, null, harness.Clock, NullLogger<SweepJob>.Instance);

        await sweep.RunAsync(null, CancellationToken.None);

        var raised = await harness.QueryAsync<(string Code, string Period, string Detail, string Owner)>("""
            SELECT f.indicator_code, p.period_code, f.detail, f.owner_email FROM follow_up f JOIN dim_period p ON p.period_key = f.period_key
            WHERE f.kind = 'Milestone' AND f.status = 'Open' ORDER BY f.indicator_code
            """);
        var clm = ActionHarness.Framework.Services.Single(s => s.Code == "CLM").HeadOfServiceEmail;
        Assert.Contains(("SOD-A01", "2026/27 Q2", "Emissions for the last year reported to CEAC", clm), raised);
        Assert.DoesNotContain(raised, r => r.Code == "SOD-A01" && r.Period == "2026/27 Q3"); // "Climate Action Plan update adopted" is due 31 Dec 2026
        await using (var connection = await harness.Warehouse.OpenAsync())
        {
            var digest = (await DigestQuery.PendingAsync(connection, harness.Clock.GetUtcNow(), TimeSpan.FromDays(7), CancellationToken.None)).Single(d => d.ServiceCode == "CLM");
            var text = DigestText.Render(digest);
            Assert.Contains("Delivery-plan milestones overdue", text, StringComparison.Ordinal);
            Assert.Contains("SOD-A01 Update the Climate Action Plan and report the council's emissions (2026/27 Q2): milestone 'Emissions for the last year reported to CEAC' was due 31 Jul 2026; say in the action's next update whether it was met (on track or complete), or why not", text, StringComparison.Ordinal);
        }

        await harness.DropAndIngestAsync("CLM/q2.xlsx", Updates(["SOD-A01", "On track", 45, "Emissions reported to CEAC in July.", null, null, null]));
        await sweep.RunAsync(null, CancellationToken.None);

        Assert.Equal(["Resolved"], await harness.QueryAsync<string>("SELECT status FROM follow_up WHERE kind = 'Milestone' AND indicator_code = 'SOD-A01'"));
    }

    [Fact]
    public async Task Two_milestones_of_one_action_due_in_one_quarter_are_followed_up_each_on_its_own()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var sweep = new SweepJob(harness.Warehouse.Database, null, harness.Clock, NullLogger<SweepJob>.Instance);

        // VWH-A03's "Works complete" is due 31 May 2026 and "Pool reopened for the season" 30 June 2026: both in Q1.
        await sweep.RunAsync(null, CancellationToken.None);

        var raised = await harness.QueryAsync<(string Period, string Detail, DateTime Due)>("""
            SELECT p.period_code, f.detail, f.due_at FROM follow_up f JOIN dim_period p ON p.period_key = f.period_key
            WHERE f.kind = 'Milestone' AND f.indicator_code = 'VWH-A03' AND f.status = 'Open' ORDER BY f.due_at
            """);
        Assert.Equal([("2026/27 Q1", "Works complete", new DateTime(2026, 5, 31)), ("2026/27 Q1", "Pool reopened for the season", new DateTime(2026, 6, 30))], raised);
        await using (var connection = await harness.Warehouse.OpenAsync())
        {
            var digest = (await DigestQuery.PendingAsync(connection, harness.Clock.GetUtcNow(), TimeSpan.FromDays(7), CancellationToken.None)).Single(d => d.ServiceCode == "COM");
            var text = DigestText.Render(digest);
            Assert.Contains("milestone 'Works complete' was due 31 May 2026", text, StringComparison.Ordinal);
            Assert.Contains("milestone 'Pool reopened for the season' was due 30 Jun 2026", text, StringComparison.Ordinal);
        }

        await harness.DropAndIngestAsync("COM/q2.xlsx", Updates(["VWH-A03", "Complete", 100, "Pool reopened in July.", null, null, new DateTime(2026, 7, 4, 0, 0, 0, DateTimeKind.Unspecified)]));
        await sweep.RunAsync(null, CancellationToken.None);

        Assert.Equal(["Resolved", "Resolved"], await harness.QueryAsync<string>("SELECT status FROM follow_up WHERE kind = 'Milestone' AND indicator_code = 'VWH-A03'"));
    }

    [Fact]
    public async Task Open_data_carries_action_updates_of_published_periods_only()
    {
        await using var harness = await ActionHarness.CreateAsync();
        await harness.DropAndIngestAsync("CLM/q2.xlsx", Updates(
            ["SOD-A01", "On track", 45, "=Reported to CEAC.", null, null, null],
            ["VWH-A01", "At risk", 30, "Supplier delay.", null, null, null]));
        using var folder = new TempFolder();
        var export = new OpenDataExport(harness.Warehouse.Database, harness.Clock);

        var before = await export.WriteAsync(Q2, null, folder.Path, CancellationToken.None);
        var ledger = new PublicationLedger(harness.Warehouse.Database, harness.Clock);
        foreach (var stage in new[] { PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published })
        {
            await ledger.TakeAsync("SOD", Q2, stage, "Sam Performance", "Cabinet", null, CancellationToken.None);
        }

        var after = await export.WriteAsync(Q2, null, folder.Path, CancellationToken.None);

        Assert.Equal((0, 1), (before.Actions, after.Actions));
        var csv = await File.ReadAllLinesAsync(after.ActionsCsvPath!);
        Assert.Equal("council_code,priority_code,objective_code,service_code,action_code,action_name,period,status,percent_complete,delivery_rag,delivery,commentary,revised_date,revision_reason,completion_date", csv[0].TrimStart('\uFEFF'));
        Assert.StartsWith("SOD,CLM,,CLM,SOD-A01,", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",2026/27 Q2,On track,45,Green,On track,'=Reported to CEAC.,,,", csv[1], StringComparison.Ordinal);
        Assert.Equal(2, csv.Length);
    }
}
