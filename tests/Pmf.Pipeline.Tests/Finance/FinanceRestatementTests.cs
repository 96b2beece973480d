using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Finance;

/// <summary>A finance row changing a quarter its council has published is a restatement (DQ098), like a result's (DQ090).</summary>
public sealed class FinanceRestatementTests
{
    private const string Header = "Council,Service,Period,Budget,Forecast outturn,Variance,Commentary\r\n";
    private static readonly Period Q1 = Period.Quarter(2026, 1);

    private static Task<Pipeline.Jobs.IngestOutcome> SendFinanceAsync(IngestHarness harness, string file, string rows) =>
        harness.DropAndIngestAsync($"HOU/{file}", Encoding.UTF8.GetBytes(Header + rows));

    private static async Task PublishAsync(IngestHarness harness, string council, Period period)
    {
        var ledger = new PublicationLedger(harness.Warehouse.Database, harness.Clock);
        foreach (var stage in new[] { PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published })
        {
            await ledger.TakeAsync(council, period, stage, "Sam Performance", null, null, CancellationToken.None);
        }
    }

    private static Task<PerformanceReport> ReportAsync(IngestHarness harness, Period quarter) =>
        new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby Vale District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, quarter), harness.Clock.GetUtcNow(), CancellationToken.None);

    private static Task<decimal> CurrentForecastAsync(IngestHarness harness) =>
        harness.Warehouse.ScalarAsync<decimal>("SELECT \"Forecast outturn\" FROM v_finance WHERE \"Council\" = 'ASH' AND \"Period\" = '2026/27 Q1'");

    [Fact]
    public async Task A_published_quarters_finance_changed_without_a_reason_is_rejected_and_the_published_figure_stands()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendFinanceAsync(harness, "finance.csv", "ASH,HOU,2026/27 Q1,1200000,1210000,10000,\r\n");
        await PublishAsync(harness, "ASH", Q1);

        // The same figures again need no reason; a changed forecast does.
        var same = await SendFinanceAsync(harness, "finance again.csv", "ASH,HOU,2026/27 Q1,1200000,1210000,10000,\r\n");
        var changed = await SendFinanceAsync(harness, "finance corrected.csv", "ASH,HOU,2026/27 Q1,1200000,1230000,30000,\r\n");

        Assert.DoesNotContain(same.Issues, i => i.RuleId == "DQ098");
        Assert.Equal(SubmissionVerdict.Rejected, changed.Verdict);
        var issue = Assert.Single(changed.Issues);
        Assert.Equal(("DQ098", Pipeline.Quality.Severity.Error, 2, "Commentary"), (issue.RuleId, issue.Severity, issue.Row, issue.Column));
        Assert.Equal("HOU's finance for ASH in 2026/27 Q1 has been published as budget £1,200,000, forecast outturn £1,210,000 and variance £10,000, and row 2 of the Finance sheet changes it to budget £1,200,000, forecast outturn £1,230,000 and variance £30,000, so it was not loaded: say in Commentary why the published figure is wrong (the reason is shown with the restatement in the next report) and send the file again.", issue.Message);
        Assert.Equal(1_210_000m, await CurrentForecastAsync(harness));
        Assert.Equal(0L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM finance_restatement"));
    }

    [Fact]
    public async Task With_a_reason_it_loads_and_the_restatement_is_listed_in_the_next_report_and_its_executive_summary()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendFinanceAsync(harness, "finance.csv", "ASH,HOU,2026/27 Q1,1200000,1210000,10000,\r\nBRK,HOU,2026/27 Q1,800000,800000,0,\r\n");
        await PublishAsync(harness, "ASH", Q1);
        var before = await ReportAsync(harness, Period.Quarter(2026, 2));

        // BRK has not published Q1: its change is an ordinary correction.
        var outcome = await SendFinanceAsync(harness, "finance corrected.csv",
            "ASH,HOU,2026/27 Q1,1200000,1230000,30000,Agency costs were left out of the forecast\r\nBRK,HOU,2026/27 Q1,800000,820000,20000,\r\n");
        var next = await ReportAsync(harness, Period.Quarter(2026, 2));

        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        Assert.Equal(1_230_000m, await CurrentForecastAsync(harness));
        Assert.Empty(before.FinanceRestatements);
        var restated = Assert.Single(next.FinanceRestatements);
        Assert.Equal(("HOU", Q1, 1_210_000m, 1_230_000m, 10_000m, 30_000m, "Agency costs were left out of the forecast"),
            (restated.ServiceCode, restated.Period, restated.OldForecastOutturn, restated.NewForecastOutturn, restated.OldVariance, restated.NewVariance, restated.Reason));
        Assert.Equal(1L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM finance_restatement"));

        var html = PerformanceReportHtml.Render(next);
        var line = Dom.Parse(html).QuerySelectorAll("#restatements li").Select(li => li.Words()).Single();
        Assert.StartsWith("Finance for Housing, 2026/27 Q1: published as forecast outturn £1,210,000 on a budget of £1,200,000, £10,000 over (0.8%); now forecast outturn £1,230,000 on a budget of £1,200,000, £30,000 over (2.5%); corrected by the service on ", line, StringComparison.Ordinal);
        Assert.EndsWith(". Reason: Agency costs were left out of the forecast", line, StringComparison.Ordinal);
        var decision = Assert.Single(DecisionItem.For(next), d => d.Kind == DecisionKind.Restatement);
        Assert.Equal("Finance for Housing", decision.Item);
        Assert.Equal(line, decision.Why);
    }
}
