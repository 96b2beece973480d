using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The finance a report shows: each service's current budget position for the council at the report's
/// quarter (an annual review shows the fourth quarter's, the year's last forecast).
/// </summary>
internal static class FinanceReportQuery
{
    internal const string ForReportSql = """
        SELECT s.service_code AS ServiceCode, s.service_name AS ServiceName, p.period_code AS PeriodCode,
               f.budget AS Budget, f.forecast_outturn AS ForecastOutturn, f.variance AS Variance, f.commentary AS Commentary
        FROM fact_finance AS f
        INNER JOIN dim_council AS c ON c.council_key = f.council_key
        INNER JOIN dim_service AS s ON s.service_key = f.service_key
        INNER JOIN dim_period AS p ON p.period_key = f.period_key
        WHERE f.is_current = 1 AND c.council_code = @Council AND f.period_key = @PeriodKey
        ORDER BY s.service_code
        """;

    /// <summary>The quarter whose forecast a report of <paramref name="period"/> shows.</summary>
    public static Period QuarterOf(Period period) =>
        period.Frequency == Frequency.Quarterly ? period : Period.Quarter(period.Year.StartYear, period.Frequency == Frequency.Annual ? 4 : ((period.Number - 1) / 3) + 1);

    public static async Task<IReadOnlyList<ReportedFinance>> ForReportAsync(DbConnection connection, string councilCode, Period period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            ForReportSql, new { Council = councilCode, PeriodKey = QuarterOf(period).SortKey }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReportedFinance(
            r.ServiceCode, r.ServiceName, r.PeriodCode, Columns.Number(r.Budget) ?? 0m, Columns.Number(r.ForecastOutturn) ?? 0m, Columns.Number(r.Variance) ?? 0m, r.Commentary))];
    }

    private sealed class Row
    {
        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        public object? Budget { get; init; }

        public object? ForecastOutturn { get; init; }

        public object? Variance { get; init; }

        public string? Commentary { get; init; }
    }
}
