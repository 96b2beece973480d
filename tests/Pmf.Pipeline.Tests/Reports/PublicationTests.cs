using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>Sign-off and publication of a council's period, and restatements after it.</summary>
public sealed class PublicationTests
{
    private static readonly Period Q1 = Period.Quarter(2026, 1);

    private static Task<Pipeline.Jobs.IngestOutcome> SendAsync(IngestHarness harness, string file, string rows) =>
        harness.DropAndIngestAsync($"HOU/{file}", Encoding.UTF8.GetBytes("Indicator,Period,Value,Commentary\r\n" + rows));

    private static async Task PublishAsync(PublicationLedger ledger, string council, Period period)
    {
        await ledger.TakeAsync(council, period, PublicationStage.Reviewed, "Sam Performance", "Scrutiny", null, CancellationToken.None);
        await ledger.TakeAsync(council, period, PublicationStage.Approved, "Sam Performance", "Cabinet", "Minute 42: that Cabinet approves the Quarter 1 performance report", CancellationToken.None);
        await ledger.TakeAsync(council, period, PublicationStage.Published, "Sam Performance", null, null, CancellationToken.None);
    }

    private static Task<PerformanceReport> ReportAsync(IngestHarness harness, Period quarter) =>
        new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby Vale District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, quarter), harness.Clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task Each_step_needs_the_one_before_and_is_recorded_with_who_when_which_committee_and_a_note()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var ledger = new PublicationLedger(harness.Warehouse.Database, harness.Clock);

        var early = await Assert.ThrowsAsync<ConfigurationProblemException>(() =>
            ledger.TakeAsync("ASH", Q1, PublicationStage.Approved, "Sam Performance", "Cabinet", null, CancellationToken.None));
        await PublishAsync(ledger, "ASH", Q1);
        var again = await Assert.ThrowsAsync<ConfigurationProblemException>(() =>
            ledger.TakeAsync("ASH", Q1, PublicationStage.Published, "Sam Performance", null, null, CancellationToken.None));

        Assert.Equal("ASH 2026/27 Q1 is a draft, so it cannot be approved yet; it must be reviewed first (pmf publish review).", early.Message);
        Assert.StartsWith("ASH 2026/27 Q1 is already published; there is nothing to publish.", again.Message, StringComparison.Ordinal);
        var steps = await ledger.StepsAsync("ASH", Q1, CancellationToken.None);
        Assert.Equal([PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published], steps.Select(s => s.Stage));
        Assert.Equal(("Cabinet", "Minute 42: that Cabinet approves the Quarter 1 performance report", "Sam Performance"), (steps[1].Committee, steps[1].Note, steps[1].By));
        Assert.Empty(await ledger.StepsAsync("BRK", Q1, CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_takes_every_result_of_the_period_Red_ones_included()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "q1.csv", "ASH-HOU-01,2026/27 Q1,5,Two schemes slipped to Q2\r\nASH-HOU-04,2026/27 Q1,70,On track\r\n");
        var ledger = new PublicationLedger(harness.Warehouse.Database, harness.Clock);

        await PublishAsync(ledger, "ASH", Q1);

        var published = (await ledger.StepsAsync("ASH", Q1, CancellationToken.None))[^1];
        var inPeriod = await harness.Warehouse.ScalarAsync<long>("""
            SELECT COUNT(*) FROM fact_result r INNER JOIN dim_council c ON c.council_key = r.council_key
            INNER JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND c.council_code = 'ASH' AND p.start_date >= '2026-04-01' AND p.end_date <= '2026-06-30'
            """);
        Assert.Equal((2, 1), (published.Results, published.RedResults));
        Assert.Equal(inPeriod, published.Results);
        Assert.Equal(2L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM v_result_published"));
    }

    [Fact]
    public async Task Open_data_carries_published_periods_only()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "q1.csv", "ASH-HOU-01,2026/27 Q1,32,On track\r\n");
        var export = new OpenDataExport(harness.Warehouse.Database, harness.Clock);

        var draft = await export.ReadAsync(Q1, "ASH", CancellationToken.None);
        await PublishAsync(new PublicationLedger(harness.Warehouse.Database, harness.Clock), "ASH", Q1);
        var published = await export.ReadAsync(Q1, "ASH", CancellationToken.None);

        Assert.Empty(draft);
        Assert.Equal(["ASH-HOU-01"], published.Select(r => r.IndicatorCode));
    }

    [Fact]
    public async Task A_report_says_DRAFT_on_every_page_until_the_period_is_approved()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var ledger = new PublicationLedger(harness.Warehouse.Database, harness.Clock);

        var draft = await ReportAsync(harness, Q1);
        await ledger.TakeAsync("ASH", Q1, PublicationStage.Reviewed, "Sam Performance", "Scrutiny", null, CancellationToken.None);
        var reviewed = await ReportAsync(harness, Q1);
        await ledger.TakeAsync("ASH", Q1, PublicationStage.Approved, "Sam Performance", "Cabinet", null, CancellationToken.None);
        var approved = await ReportAsync(harness, Q1);

        Assert.Equal((true, true, false), (draft.IsDraft, reviewed.IsDraft, approved.IsDraft));
        var html = PerformanceReportHtml.Render(draft);
        Assert.Contains("<div class=\"draft-mark\">DRAFT</div>", html, StringComparison.Ordinal);
        Assert.Contains("position: fixed", html, StringComparison.Ordinal); // printed on every page
        Assert.Contains("<title>DRAFT: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("draft-mark\">", PerformanceReportHtml.Render(approved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_after_publication_is_a_restatement_with_its_reason_that_the_next_report_lists()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "q1.csv", "ASH-HOU-01,2026/27 Q1,32,On track\r\n");
        await PublishAsync(new PublicationLedger(harness.Warehouse.Database, harness.Clock), "ASH", Q1);
        var before = await ReportAsync(harness, Period.Quarter(2026, 2));

        await SendAsync(harness, "q1 corrected.csv", "ASH-HOU-01,2026/27 Q1,12,Twenty homes were counted twice; corrected after audit\r\n");
        var next = await ReportAsync(harness, Period.Quarter(2026, 2));
        var rerun = await ReportAsync(harness, Q1);

        Assert.Empty(before.Restatements);
        var restated = Assert.Single(next.Restatements);
        Assert.Equal(("ASH-HOU-01", Q1, 32m, 12m, "Green", "Red", "Correction"), (restated.IndicatorCode, restated.Period, restated.OldValue, restated.NewValue, restated.OldRag, restated.NewRag, restated.Kind));
        Assert.Equal("Twenty homes were counted twice; corrected after audit", restated.Reason);
        Assert.Equal([restated], rerun.Restatements); // the published period's own report cannot change silently either
        var html = PerformanceReportHtml.Render(next);
        Assert.Contains("<h2>Published figures restated</h2>", html, StringComparison.Ordinal);
        Assert.Contains("ASH-HOU-01 Affordable homes delivered, 2026/27 Q1: published as 32 (Green), now 12 (Red); corrected by the service on 23/11/2026. Reason: Twenty homes were counted twice; corrected after audit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_after_publication_without_a_reason_is_rejected_and_the_published_figure_stands()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "q1.csv", "ASH-HOU-01,2026/27 Q1,32,On track\r\nASH-HOU-04,2026/27 Q1,70,On track\r\n");
        await PublishAsync(new PublicationLedger(harness.Warehouse.Database, harness.Clock), "ASH", Q1);

        // HOU-04 is sent again unchanged (no restatement, no reason needed); HOU-01 changes with no reason.
        var outcome = await SendAsync(harness, "q1 corrected.csv", "ASH-HOU-01,2026/27 Q1,12,\r\nASH-HOU-04,2026/27 Q1,70,\r\n");

        var issue = Assert.Single(outcome.Issues);
        Assert.Equal(("DQ090", Pipeline.Quality.Severity.Error, 2), (issue.RuleId, issue.Severity, issue.Row));
        Assert.Equal("ASH-HOU-01 in 2026/27 Q1 has been published as 32 and this row changes it to 12, so it was not loaded: say in Commentary why the published figure is wrong (the reason is shown with the restatement in the next report) and send the file again.", issue.Message);
        Assert.Equal(32m, await harness.Warehouse.ScalarAsync<decimal>("SELECT result_value FROM fact_result WHERE indicator_code = 'ASH-HOU-01' AND is_current = 1"));
        Assert.Equal(0L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM restatement"));
    }

    [Fact]
    public async Task A_correction_before_publication_is_no_restatement()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "q1.csv", "ASH-HOU-01,2026/27 Q1,32,On track\r\n");

        await SendAsync(harness, "q1 corrected.csv", "ASH-HOU-01,2026/27 Q1,12,Counted twice\r\n");

        Assert.Equal(0L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM restatement"));
    }
}
