using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

[Collection(PerformanceReportCollection.Name)]
public sealed class PerformanceReportQueryTests(PerformanceWarehouse warehouse)
{
    private static readonly CouncilName Ashby = new("ASH", "Ashby Vale District Council");

    private Task<PerformanceReport> LoadAsync(PerformanceReportKind kind, string period) =>
        new PerformanceReportQuery(warehouse.Harness.Warehouse.Database)
            .LoadAsync(Ashby, ReportPeriods.For(kind, PeriodParser.Parse(period).Period!), IngestHarness.Now, CancellationToken.None);

    [Fact]
    public async Task The_summary_counts_equal_the_warehouse_current_results_and_missing_indicators_per_priority()
    {
        var report = await LoadAsync(PerformanceReportKind.Quarterly, PerformanceWarehouse.Quarter);

        var expected = await PerformanceExpectations.RagCountsAsync(warehouse, "ASH", new DateOnly(2026, 9, 30));
        var actual = report.Summary.SelectMany(s => new[]
        {
            ((s.PriorityCode, "Red"), s.Red), ((s.PriorityCode, "Amber"), s.Amber), ((s.PriorityCode, "Green"), s.Green),
            ((s.PriorityCode, "Data only"), s.DataOnly), ((s.PriorityCode, "Not reported"), s.NotReported),
        }).Where(x => x.Item2 > 0).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
        Assert.True(report.Total.NotReported > 0, "the demo's late service leaves indicators not reported");
    }

    [Fact]
    public async Task Each_result_is_the_current_one_with_RAG_and_direction_as_the_warehouse_holds_them()
    {
        var report = await LoadAsync(PerformanceReportKind.Quarterly, PerformanceWarehouse.Quarter);

        var current = (await warehouse.Harness.QueryAsync<(string Code, string Period, string Rag, string? Direction, string? Commentary)>("""
            SELECT r.indicator_code, p.period_code, r.rag, r.direction_vs_previous, r.commentary
            FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND p.end_date = '2026-09-30' AND r.indicator_code LIKE 'ASH-%'
            """)).ToDictionary(r => (r.Code, r.Period));
        var shown = report.Indicators.Where(i => i.Reported).ToList();
        Assert.Equal(current.Count, shown.Count);
        foreach (var i in shown)
        {
            var row = current[(i.Code, i.PeriodCode)];
            Assert.Equal(
                (row.Rag, row.Direction ?? "NotComparable", row.Commentary),
                (i.Result!.Rag == RagStatus.DataOnly ? "Data only" : i.Result.Rag.ToString(), i.Result.DirectionVsPrevious.ToString(), i.Result.Commentary));
        }

        var corrected = shown.Single(i => i.Code == PerformanceWarehouse.HostileIndicator);
        Assert.Equal((10m, RagStatus.Red), (corrected.Result!.Value, corrected.Result.Rag));
    }

    [Fact]
    public async Task Trends_end_with_the_reported_period_and_hold_at_most_eight_periods_of_the_indicator_own_frequency()
    {
        var report = await LoadAsync(PerformanceReportKind.Quarterly, PerformanceWarehouse.Quarter);

        var quarterly = report.Indicators.Single(i => i.Code == PerformanceWarehouse.HostileIndicator);
        Assert.Equal(6, quarterly.Trend.Count); // 2025/26 Q1 … 2026/27 Q2: all the quarters the fixture has
        Assert.Equal(["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"], quarterly.Trend.Select(t => t.PeriodCode));
        Assert.Equal(10m, quarterly.Trend[^1].Value);
        foreach (var monthly in report.Indicators.Where(i => i.PeriodCode == "2026/27 M06"))
        {
            var held = await warehouse.Harness.QueryAsync<string>("""
                SELECT p.period_code FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
                WHERE r.is_current = 1 AND r.indicator_code = @Code AND p.frequency = 'Monthly'
                  AND p.start_date >= '2026-02-01' AND p.end_date <= '2026-09-30'
                ORDER BY p.start_date
                """, new { monthly.Code });
            Assert.Equal(held, monthly.Trend.Select(t => t.PeriodCode));
        }

        Assert.Contains(report.Indicators, i => i.Trend.Count == 8 && i.Trend[0].PeriodCode == "2025/26 M11" && i.Trend[^1].PeriodCode == "2026/27 M06");
    }

    [Fact]
    public async Task The_annual_review_shows_each_indicator_at_the_year_end_and_the_year_trend()
    {
        var report = await LoadAsync(PerformanceReportKind.Annual, "2025/26");

        Assert.Equal("2025/26", report.Period.Key);
        Assert.Equal(["2025/26", "2025/26 M12", "2025/26 Q4"], report.Indicators.Select(i => i.PeriodCode).Distinct().Order(StringComparer.Ordinal));
        var monthly = report.Indicators.First(i => i.Reported && i.PeriodCode == "2025/26 M12");
        Assert.Equal(12, monthly.Trend.Count); // this year's months; last year's are not in the warehouse
        var page = Dom.Parse(PerformanceReportHtml.Render(report));
        Assert.Equal("Achievements of the year", page.One("#achievements h2").Words());
        Assert.StartsWith("Annual performance review, 2025/26", page.One("#summary .lede").Words(), StringComparison.Ordinal);
        var green = report.Indicators.Count(i => i.RagCategory == RagStatus.Green);
        Assert.True(green > 0);
        Assert.Equal(green, page.QuerySelectorAll("#achievements .card.good").Length);
    }

    [Fact]
    public async Task A_period_with_no_data_is_still_a_report_that_says_so_and_lists_what_was_expected()
    {
        using var output = new TempFolder();

        var (exit, console) = await CliRun.RunAsync(
            "report", "--period", "Q1 2020/21", "--council", "ash", "--out", output.Path, "--connection", warehouse.ConnectionString);

        Assert.True(exit == 0, console);
        Assert.Contains("no results published", console, StringComparison.Ordinal);
        var page = Dom.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(output.Path, "*.html"))));
        Assert.StartsWith("No results have been published for 2020/21 Q1", page.One("#no-data").Words(), StringComparison.Ordinal);
        var expected = (await PerformanceExpectations.MissingAsync(warehouse, "ASH", new DateOnly(2020, 6, 30))).Count;
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), page.One("tfoot [data-priority=''][data-rag='Not reported']").Words());
    }

    [Fact]
    public async Task A_missing_return_is_overdue_or_not_yet_due_as_of_the_report_clock()
    {
        var database = warehouse.Harness.Warehouse.Database;
        var periods = ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2026, 2));
        using var early = new TempFolder();
        using var late = new TempFolder();

        await new PerformanceReportWriter(database, new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero))).WriteAsync(periods, "ASH", early.Path, CancellationToken.None);
        await new PerformanceReportWriter(database, new FakeTimeProvider(IngestHarness.Now)).WriteAsync(periods, "ASH", late.Path, CancellationToken.None);

        var before = Dom.Parse(await File.ReadAllTextAsync(Directory.GetFiles(early.Path).Single())).One("#late").Words();
        var after = Dom.Parse(await File.ReadAllTextAsync(Directory.GetFiles(late.Path).Single())).One("#late").Words();
        Assert.Contains("Not received yet; due on", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Not received; it was due on", before, StringComparison.Ordinal);
        Assert.Contains("Not received; it was due on", after, StringComparison.Ordinal);
    }
}
