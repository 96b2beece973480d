using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Publication;

/// <summary>
/// Finance restatements: a submission that changes a service's budget, forecast outturn or variance for a
/// quarter its council has published records, in its own transaction, what was published, what it is now
/// and why (the corrected row's commentary, which rule DQ098 requires). Reports list them beside the
/// results' (<see cref="RestatementRecord"/>).
/// </summary>
internal static class FinanceRestatementRecord
{
    // The earlier current row this submission superseded, where a Published step of the council covers its quarter.
    internal const string RecordCorrectionsSql = """
        INSERT INTO finance_restatement (council_key, service_key, period_key, old_finance_key, new_finance_key, old_budget, new_budget,
                                         old_forecast_outturn, new_forecast_outturn, old_variance, new_variance, reason, recorded_at, submission_id)
        SELECT n.council_key, n.service_key, n.period_key, o.finance_key, n.finance_key, o.budget, n.budget,
               o.forecast_outturn, n.forecast_outturn, o.variance, n.variance, COALESCE(n.commentary, @NoReason), @Now, n.submission_id
        FROM fact_finance AS n
        INNER JOIN fact_finance AS o ON o.council_key = n.council_key AND o.service_key = n.service_key AND o.period_key = n.period_key
                                    AND o.superseded_by_submission_id = n.submission_id AND o.submission_id <> n.submission_id
        INNER JOIN dim_period AS rp ON rp.period_key = n.period_key
        WHERE n.submission_id = @SubmissionId AND n.is_current = 1
          AND (o.budget <> n.budget OR o.forecast_outturn <> n.forecast_outturn OR o.variance <> n.variance)
          AND EXISTS (SELECT 1 FROM publication_step AS ps
                      INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
                      WHERE ps.council_key = n.council_key AND ps.stage = 'Published'
                        AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date)
        """;

    // A council's finance restatements for quarters up to the report's end, from the year before on.
    internal const string ForReportSql = """
        SELECT s.service_code AS ServiceCode, s.service_name AS ServiceName, x.period_key AS PeriodKey,
               x.old_budget AS OldBudget, x.new_budget AS NewBudget, x.old_forecast_outturn AS OldForecastOutturn,
               x.new_forecast_outturn AS NewForecastOutturn, x.old_variance AS OldVariance, x.new_variance AS NewVariance,
               x.reason AS Reason, x.recorded_at AS RecordedAt
        FROM finance_restatement AS x
        INNER JOIN dim_council AS c ON c.council_key = x.council_key
        INNER JOIN dim_service AS s ON s.service_key = x.service_key
        INNER JOIN dim_period AS rp ON rp.period_key = x.period_key
        WHERE c.council_code = @Council AND rp.end_date <= @End AND rp.start_date >= @From
        ORDER BY x.recorded_at, s.service_code
        """;

    /// <summary>Records the finance restatements a completed submission made; returns how many.</summary>
    public static Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, long submissionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            RecordCorrectionsSql, new { SubmissionId = submissionId, Now = now.UtcDateTime, RestatementRecord.NoReason }, transaction, cancellationToken: cancellationToken));

    /// <summary>What a report of <paramref name="period"/> lists: restatements of quarters up to its end, from the year before its own.</summary>
    public static async Task<IReadOnlyList<FinanceRestatement>> ForReportAsync(DbConnection connection, string councilCode, Period period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            ForReportSql, new { Council = councilCode, End = period.End, From = period.Year.Previous().Start }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FinanceRestatement(
            r.ServiceCode, r.ServiceName, PeriodKeys.ToPeriod((int)r.PeriodKey),
            Amount(r.OldBudget), Amount(r.NewBudget), Amount(r.OldForecastOutturn), Amount(r.NewForecastOutturn), Amount(r.OldVariance), Amount(r.NewVariance),
            r.Reason, new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc))))];
    }

    private static decimal Amount(object? value) => Columns.Number(value) ?? 0m;

    private sealed class Row
    {
        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public long PeriodKey { get; init; }

        public object? OldBudget { get; init; }

        public object? NewBudget { get; init; }

        public object? OldForecastOutturn { get; init; }

        public object? NewForecastOutturn { get; init; }

        public object? OldVariance { get; init; }

        public object? NewVariance { get; init; }

        public string Reason { get; init; } = "";

        public DateTime RecordedAt { get; init; }
    }
}
