using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Publication;

/// <summary>
/// Restatements: a submission that changes the value, RAG or status of a result in a published period
/// records, in its own transaction, what was published, what it is now and why (the corrected
/// return's commentary). Reports list them; nothing about a published figure changes silently.
/// </summary>
internal static class RestatementRecord
{
    internal const string NoReason = "No reason was given in the corrected return's commentary.";

    // The earlier current row this submission superseded, where a Published step of the council covers its period.
    internal const string RecordCorrectionsSql = """
        INSERT INTO restatement (council_key, indicator_code, period_key, published_period_key, old_result_key, new_result_key,
                                 old_value, new_value, old_rag, new_rag, kind, reason, recorded_at, submission_id)
        SELECT n.council_key, n.indicator_code, n.period_key,
               (SELECT MIN(ps.period_key) FROM publication_step AS ps
                INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
                WHERE ps.council_key = n.council_key AND ps.stage = 'Published'
                  AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date),
               o.result_key, n.result_key, o.result_value, n.result_value, o.rag, n.rag, 'Correction',
               COALESCE(n.commentary, @NoReason), @Now, n.submission_id
        FROM fact_result AS n
        INNER JOIN fact_result AS o ON o.indicator_code = n.indicator_code AND o.period_key = n.period_key
                                   AND o.superseded_by_submission_id = n.submission_id AND o.submission_id <> n.submission_id
        INNER JOIN dim_period AS rp ON rp.period_key = n.period_key
        WHERE n.submission_id = @SubmissionId AND n.is_current = 1
          AND (o.rag <> n.rag
               OR (o.result_value IS NULL AND n.result_value IS NOT NULL)
               OR (o.result_value IS NOT NULL AND n.result_value IS NULL)
               OR o.result_value <> n.result_value
               OR COALESCE(o.status, '') <> COALESCE(n.status, ''))
          AND EXISTS (SELECT 1 FROM publication_step AS ps
                      INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
                      WHERE ps.council_key = n.council_key AND ps.stage = 'Published'
                        AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date)
        """;

    // Restatements of a council's results for periods up to the report's end, from the year before on.
    internal const string ForReportSql = """
        SELECT x.indicator_code AS IndicatorCode, i.indicator_name AS IndicatorName, x.period_key AS PeriodKey,
               x.old_value AS OldValue, x.new_value AS NewValue, x.old_rag AS OldRag, x.new_rag AS NewRag,
               x.kind AS Kind, x.reason AS Reason, x.recorded_at AS RecordedAt
        FROM restatement AS x
        INNER JOIN dim_council AS c ON c.council_key = x.council_key
        INNER JOIN dim_period AS rp ON rp.period_key = x.period_key
        INNER JOIN fact_result AS n ON n.result_key = x.new_result_key
        INNER JOIN dim_indicator AS i ON i.indicator_key = n.indicator_key
        WHERE c.council_code = @Council AND rp.end_date <= @End AND rp.start_date >= @From
        ORDER BY x.recorded_at, x.indicator_code
        """;

    /// <summary>Records the restatements a completed submission made; returns how many.</summary>
    public static Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, long submissionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            RecordCorrectionsSql, new { SubmissionId = submissionId, Now = now.UtcDateTime, NoReason }, transaction, cancellationToken: cancellationToken));

    /// <summary>What a report of <paramref name="period"/> lists: restatements of periods up to its end, from the year before its own.</summary>
    public static async Task<IReadOnlyList<Restatement>> ForReportAsync(DbConnection connection, string councilCode, Period period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            ForReportSql, new { Council = councilCode, End = period.End, From = period.Year.Previous().Start }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Restatement(
            r.IndicatorCode, r.IndicatorName, PeriodKeys.ToPeriod((int)r.PeriodKey), Columns.Number(r.OldValue), Columns.Number(r.NewValue),
            r.OldRag, r.NewRag, r.Kind, r.Reason, new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc))))];
    }

    private sealed class Row
    {
        public string IndicatorCode { get; init; } = "";

        public string IndicatorName { get; init; } = "";

        public long PeriodKey { get; init; }

        public object? OldValue { get; init; }

        public object? NewValue { get; init; }

        public string OldRag { get; init; } = "";

        public string NewRag { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Reason { get; init; } = "";

        public DateTime RecordedAt { get; init; }
    }
}
