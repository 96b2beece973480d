using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// The demo tells one story (issue 23 item 2): its committee report, its sweep's follow-ups and what it prints
/// agree on which returns are missing, which arrived late and which rows are overdue, service by service, and
/// every return is received on its own day, not all on the day the demo runs.
/// </summary>
public sealed partial class DemoStoryTests
{
    [Fact]
    public async Task The_report_the_sweep_and_the_printed_summary_agree_on_what_is_late_and_missing()
    {
        using var folder = new TempFolder();
        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);
        Assert.True(exit == 0, output);
        var today = UkClock.DateAt(CliRun.Now);
        var quarter = Period.Containing(today, Frequency.Quarterly).Previous();

        // The committee report's rows for the quarter, for each council, from the warehouse the demo left.
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={folder.File("warehouse.db")};Pooling=False" });
        var query = new PerformanceReportQuery(database);
        var rows = new List<ReportedIndicator>();
        foreach (var council in await query.CouncilsAsync(CancellationToken.None))
        {
            var report = await query.LoadAsync(council, ReportPeriods.For(PerformanceReportKind.Quarterly, quarter), CliRun.Now, CancellationToken.None);
            rows.AddRange(report.Indicators);
            var html = await File.ReadAllTextAsync(Path.Combine(folder.Path, "reports", $"{council.Code} {quarter.Key.Replace('/', '-')} performance report.html"));
            Assert.Equal(report.Indicators.Count(i => i.Result?.Timeliness == "Late"), Regex.Count(html, "Received late, on "));
        }

        // Nothing was received on the day the demo ran, and only the service the demo makes late sent its return late.
        Assert.DoesNotContain(rows, r => r.Result?.FirstReceived == today);
        var lateServices = rows.Where(r => r.Result?.Timeliness == "Late").Select(r => r.ServiceCode).ToHashSet();
        Assert.Equal(new[] { "ECO" }, lateServices.Order());
        var printedLate = ArrivedLate().Matches(output).Select(m => m.Groups["service"].Value).ToHashSet();
        Assert.Equal(lateServices, printedLate);

        // The sweep's overdue rows: exactly the report's missing rows for the quarter's periods, and the printed counts.
        await using var connection = new SqliteConnection($"Data Source={folder.File("warehouse.db")};Pooling=False");
        var overdue = (await connection.QueryAsync<(string Service, string Indicator, string Period)>("""
            SELECT s.service_code, f.indicator_code, p.period_code
            FROM follow_up f JOIN dim_service s ON s.service_key = f.service_key JOIN dim_period p ON p.period_key = f.period_key
            WHERE f.kind = 'Late' AND f.status <> 'Resolved'
            """)).ToList();
        var missing = rows.Where(r => !r.Reported && r.Source == "Return").Select(r => (r.ServiceCode, r.Code, r.PeriodCode)).ToHashSet();
        var reportedPeriods = rows.Select(r => r.PeriodCode).ToHashSet();
        Assert.Equal(missing.Order(), overdue.Where(o => reportedPeriods.Contains(o.Period)).Order());

        var printed = OverdueLine().Match(output);
        Assert.True(printed.Success, output);
        var printedCounts = ServiceCount().Matches(printed.Groups["list"].Value)
            .ToDictionary(m => m.Groups["service"].Value, m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(overdue.GroupBy(o => o.Service).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key), printedCounts.OrderBy(p => p.Key));

        // A service told of overdue rows either sent no return or had rows rejected: none whose every row loaded.
        Assert.Contains("Not received: the 2026/27 Q2 return from service ENV", output, StringComparison.Ordinal);
        Assert.All(overdue.Select(o => o.Service).Distinct(), service => Assert.Contains(service, new[] { "ENV", "WST" }));
    }

    [GeneratedRegex(@"Arrived after it was due: (?<service>[A-Z]+)/")]
    private static partial Regex ArrivedLate();

    [GeneratedRegex(@"Overdue on [^:]+: (?<list>[^\r\n]+)")]
    private static partial Regex OverdueLine();

    [GeneratedRegex(@"(?<service>[A-Z]+) (?<count>\d+) rows? \(")]
    private static partial Regex ServiceCount();
}
