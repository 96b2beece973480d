using System.Globalization;
using System.Text;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// Each service's published budget position as open data (docs/open-data.md, "Finance"): the current
/// budget, forecast outturn and variance of every service for the quarters within a period that its
/// council has published, from <c>v_finance_published</c>. A CSV beside the results' files.
/// </summary>
internal static class OpenDataFinance
{
    internal const string PublishedSql = """
        SELECT v."Council" AS CouncilCode, c.council_name AS CouncilName, v."Service code" AS ServiceCode, v."Service" AS ServiceName,
               v."Period" AS Period, p.start_date AS PeriodStart, p.end_date AS PeriodEnd,
               v."Budget" AS Budget, v."Forecast outturn" AS ForecastOutturn, v."Variance" AS Variance, v."Commentary" AS Commentary
        FROM v_finance_published AS v
        INNER JOIN dim_council AS c ON c.council_key = v."Council key"
        INNER JOIN dim_period AS p ON p.period_key = v."Period key"
        WHERE p.start_date >= @Start AND p.end_date <= @End AND (@Council IS NULL OR v."Council" = @Council)
        ORDER BY v."Council", p.start_date, v."Service code"
        """;

    /// <summary>The CSV's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["council_code", "council_name", "service_code", "service_name", "period", "period_start", "period_end", "budget", "forecast_outturn", "variance", "commentary"];

    /// <summary>The published finance rows within <paramref name="period"/>, as CSV (UTF-8 with BOM, RFC 4180), and how many rows.</summary>
    public static async Task<(byte[] Csv, int Rows)> CsvAsync(WarehouseDatabase database, Period period, string? councilCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            PublishedSql, new { Start = period.Start, End = period.End, Council = councilCode }, cancellationToken: cancellationToken))).ToList();
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                SafeText.CsvField(r.CouncilCode), SafeText.CsvField(r.CouncilName), SafeText.CsvField(r.ServiceCode), SafeText.CsvField(r.ServiceName),
                SafeText.CsvField(r.Period), Day(r.PeriodStart), Day(r.PeriodEnd), Amount(r.Budget), Amount(r.ForecastOutturn), Amount(r.Variance),
                SafeText.CsvField(r.Commentary ?? ""),
            ];
            csv.AppendJoin(',', fields).Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return ([.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())], rows.Count);
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(object? value) => Warehouse.Columns.Number(value)?.ToString(CultureInfo.InvariantCulture) ?? "";

    private sealed class Row
    {
        public string CouncilCode { get; init; } = "";

        public string CouncilName { get; init; } = "";

        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string Period { get; init; } = "";

        public DateTime PeriodStart { get; init; }

        public DateTime PeriodEnd { get; init; }

        public object? Budget { get; init; }

        public object? ForecastOutturn { get; init; }

        public object? Variance { get; init; }

        public string? Commentary { get; init; }
    }
}
