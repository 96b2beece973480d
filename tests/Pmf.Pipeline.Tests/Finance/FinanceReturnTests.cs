using System.Text;
using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Finance;

/// <summary>Finance returns: budget, forecast outturn and variance per service and quarter, through the gate, into the warehouse and the report.</summary>
public sealed class FinanceReturnTests
{
    private const string Header = "Council,Service,Period,Budget,Forecast outturn,Variance,Commentary\r\n";

    private static Task<Pipeline.Jobs.IngestOutcome> SendFinanceAsync(IngestHarness harness, string file, string rows) =>
        harness.DropAndIngestAsync($"HOU/{file}", Encoding.UTF8.GetBytes(Header + rows));

    private static Task<List<(string Council, string Service, string Period, decimal Budget, decimal Forecast, decimal Variance, string? Commentary)>> CurrentAsync(IngestHarness harness) =>
        harness.QueryAsync<(string, string, string, decimal, decimal, decimal, string?)>(
            "SELECT \"Council\", \"Service code\", \"Period\", \"Budget\", \"Forecast outturn\", \"Variance\", \"Commentary\" FROM v_finance ORDER BY \"Council\"");

    [Fact]
    public async Task Finance_rows_load_through_the_gate_and_each_fault_is_one_sentence_on_its_row()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var outcome = await SendFinanceAsync(harness, "finance.csv",
            "ASH,HOU,2026/27 Q2,\"1,200,000\",\"£1,260,000\",\"60,000\",More families in temporary accommodation\r\n"
            + "BRK,HOU,2026/27 Q2,800000,900000,50000,Repairs\r\n"
            + ",HOU,2026/27 Q2,100,100,0,\r\n"
            + "ASH,REV,2026/27 Q2,100,100,0,\r\n"
            + "BRK,HOU,2026/27 Q3,100,100,0,\r\n");

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
        Assert.Equal(1, outcome.Load!.RowsLoaded);
        Assert.Equal([("DQ095", 3), ("DQ092", 4), ("DQ091", 5), ("DQ093", 6)], outcome.Issues.Select(i => (i.RuleId, i.Row!.Value)));
        Assert.Equal("Variance on row 3 of the Finance sheet is 50000, but Forecast outturn less Budget is 900,000 − 800,000 = 100,000; correct whichever is wrong (or leave Variance blank to have it worked out).", outcome.Issues[0].Message);
        Assert.Equal("Row 4 of the Finance sheet gives no Council, and HOU reports for ASH or BRK; say in Council whose budget it is (one row per council).", outcome.Issues[1].Message);
        Assert.All(outcome.Issues, i => Assert.Equal("finance", i.Sheet));
        Assert.Equal([("ASH", "HOU", "2026/27 Q2", 1_200_000m, 1_260_000m, 60_000m, "More families in temporary accommodation")], await CurrentAsync(harness));
        var report = await new Pipeline.Feedback.SubmissionReportQuery(harness.Warehouse.Database).LoadAsync(outcome.Load.SubmissionId, CancellationToken.None);
        Assert.Equal([new Pipeline.Feedback.SubmittedFinance(2, "ASH", "HOU", "2026/27 Q2", 1_200_000m, 1_260_000m, 60_000m)], report.Finance);
        var page = Dom.Parse(Pipeline.Feedback.SubmissionReportHtml.Render(report));
        Assert.Equal("2 ASH HOU 2026/27 Q2 £1,200,000 £1,260,000 £60,000 over (5.0%)", page.One("table.finance tbody tr").Words());
    }

    [Fact]
    public async Task A_variance_past_the_tolerance_without_commentary_loads_flagged_and_a_corrected_file_supersedes_it()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var first = await SendFinanceAsync(harness, "finance.csv", "ASH,HOU,2026/27 Q2,1000000,1100000,,\r\n");
        var corrected = await SendFinanceAsync(harness, "budget Q2 corrected.csv", "ASH,HOU,2026/27 Q2,1000000,1020000,20000,Agency staff cover\r\n");

        var warning = Assert.Single(first.Issues);
        Assert.Equal(("DQ096", Pipeline.Quality.Severity.Warning), (warning.RuleId, warning.Severity));
        Assert.Equal("The forecast for HOU is 100,000 over budget (10% of the budget) and Commentary is blank. It has been loaded; say why, and what is being done, in Commentary in a corrected file or your next return.", warning.Message);
        Assert.Equal(SubmissionVerdict.Accepted, corrected.Verdict);
        Assert.Equal([("ASH", "HOU", "2026/27 Q2", 1_000_000m, 1_020_000m, 20_000m, "Agency staff cover")], await CurrentAsync(harness));
        var history = await harness.QueryAsync<(long Current, long? SupersededBy)>("SELECT is_current, superseded_by_submission_id FROM fact_finance ORDER BY finance_key");
        Assert.Equal([(0L, (long?)corrected.Load!.SubmissionId), (1L, null)], history);
    }

    [Fact]
    public async Task A_workbook_with_a_return_and_a_finance_sheet_is_one_submission_and_a_rejected_one_keeps_neither()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var both = await harness.DropAndIngestAsync("HOU/q2.xlsx", Workbook(financeHeader: "Forecast outturn"));
        var broken = await harness.DropAndIngestAsync("HOU/q2 again.xlsx", Workbook(financeHeader: "Spend"));

        Assert.Equal(2, both.Load!.RowsLoaded);
        var submissions = await harness.QueryAsync<long>(
            "SELECT submission_id FROM fact_result UNION ALL SELECT submission_id FROM fact_finance");
        Assert.Equal([both.Load.SubmissionId, both.Load.SubmissionId], submissions);
        Assert.Equal(SubmissionVerdict.Rejected, broken.Verdict);
        Assert.Equal("The 'Finance' sheet has no header row in its first 20 rows with Forecast outturn; add a header row with Service, Period, Budget, Forecast outturn and Variance, and send the file again.", broken.Reason);
        Assert.Equal(1L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_finance"));
    }

    [Fact]
    public async Task The_quarterly_report_shows_each_services_budget_position_under_the_priorities_it_serves()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendFinanceAsync(harness, "finance.csv", "ASH,HOU,2026/27 Q2,1200000,1260000,60000,More families in temporary accommodation\r\n");

        var report = await new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby Vale District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2026, 2)), harness.Clock.GetUtcNow(), CancellationToken.None);
        var html = PerformanceReportHtml.Render(report);

        var finance = Assert.Single(report.Finance);
        Assert.Equal(("HOU", "2026/27 Q2", 60_000m), (finance.ServiceCode, finance.PeriodCode, finance.Variance));
        var priorities = report.Indicators.Where(i => i.ServiceCode == "HOU").Select(i => i.PriorityName).Distinct().ToList();
        Assert.NotEmpty(priorities);
        Assert.Contains("<h2>Budget and forecast outturn</h2>", html, StringComparison.Ordinal);
        Assert.Contains(priorities[0], Dom.Parse(html).QuerySelectorAll("#finance h3").Select(h => h.Words()));
        Assert.EndsWith("£1,200,000 £1,260,000 £60,000 over (5.0%) More families in temporary accommodation", Dom.Parse(html).One("#finance tbody tr").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_data_carries_the_finance_of_published_quarters_only()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendFinanceAsync(harness, "finance.csv", "ASH,HOU,2026/27 Q2,1200000,1260000,60000,More families in temporary accommodation\r\nBRK,HOU,2026/27 Q2,800000,780000,-20000,\r\n");
        var q2 = Period.Quarter(2026, 2);

        var (_, draft) = await OpenDataFinance.CsvAsync(harness.Warehouse.Database, q2, null, CancellationToken.None);
        var ledger = new Pipeline.Publication.PublicationLedger(harness.Warehouse.Database, harness.Clock);
        foreach (var stage in new[] { Pipeline.Publication.PublicationStage.Reviewed, Pipeline.Publication.PublicationStage.Approved, Pipeline.Publication.PublicationStage.Published })
        {
            await ledger.TakeAsync("ASH", q2, stage, "Sam Performance", null, null, CancellationToken.None);
        }

        var (csv, published) = await OpenDataFinance.CsvAsync(harness.Warehouse.Database, q2, null, CancellationToken.None);

        Assert.Equal((0, 1), (draft, published));
        var lines = Encoding.UTF8.GetString(csv.AsSpan(Encoding.UTF8.Preamble.Length)).Split("\r\n");
        Assert.Equal("council_code,council_name,service_code,service_name,period,period_start,period_end,budget,forecast_outturn,variance,commentary", lines[0]);
        Assert.StartsWith("ASH,Ashby Vale District Council,HOU,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",2026/27 Q2,2026-07-01,2026-09-30,1200000,1260000,60000,More families in temporary accommodation", lines[1], StringComparison.Ordinal);
    }

    private static byte[] Workbook(string financeHeader)
    {
        using var workbook = new XLWorkbook();
        var results = workbook.AddWorksheet("Return");
        results.Cell(1, 1).Value = "Indicator";
        results.Cell(1, 2).Value = "Period";
        results.Cell(1, 3).Value = "Value";
        results.Cell(1, 4).Value = "Commentary";
        results.Cell(2, 1).Value = "ASH-HOU-01";
        results.Cell(2, 2).Value = "2026/27 Q2";
        results.Cell(2, 3).Value = 32;
        results.Cell(2, 4).Value = "On track";
        var finance = workbook.AddWorksheet("Finance");
        string[] header = ["Council", "Service", "Period", "Budget", financeHeader, "Variance", "Commentary"];
        object[] row = ["ASH", "HOU", "2026/27 Q2", 1_200_000, 1_210_000, 10_000, ""];
        for (var c = 0; c < header.Length; c++)
        {
            finance.Cell(1, c + 1).Value = header[c];
            finance.Cell(2, c + 1).Value = row[c];
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
