using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// The digests a sweep owes: per service, the follow-ups never mailed, escalated since last mailed,
/// unchanged but past the cool-down, or resolved since they were last mailed.
/// </summary>
internal static class DigestQuery
{
    internal const string PendingSql = """
        SELECT f.follow_up_id AS FollowUpId, f.kind AS Kind, f.indicator_code AS IndicatorCode,
               COALESCE(i.indicator_name, (SELECT a.action_name FROM dim_action a WHERE a.action_code = f.indicator_code)) AS IndicatorName,
               p.period_code AS PeriodCode, f.status AS Status, f.escalation_level AS Level, f.due_at AS DueAt, f.detail AS Detail,
               s.service_code AS ServiceCode, s.service_name AS ServiceName, s.head_of_service AS HeadOfService,
               s.head_of_service_email AS HeadOfServiceEmail, s.director AS Director, s.director_email AS DirectorEmail,
               r.result_value AS Value, r.target_value AS Target, r.rag AS Rag, r.commentary AS Commentary, r.remedial_action AS RemedialAction,
               CASE WHEN f.kind = 'DataQuality' THEN
                   (SELECT MIN(q.message) FROM dq_issue q JOIN dim_period qp ON qp.period_code = q.period_code
                    WHERE q.indicator_code = f.indicator_code AND qp.period_key = f.period_key AND q.severity = 'Error'
                      AND q.rule_id = f.detail)
               END AS Issue,
               COALESCE(c.nation, (SELECT ac.nation FROM dim_action a JOIN dim_council ac ON ac.council_key = a.council_key
                                   WHERE a.action_code = f.indicator_code)) AS Nation,
               COALESCE(c.council_code, (SELECT ac.council_code FROM dim_action a JOIN dim_council ac ON ac.council_key = a.council_key
                                         WHERE a.action_code = f.indicator_code)) AS CouncilCode
        FROM follow_up f
        JOIN dim_service s ON s.service_key = f.service_key
        JOIN dim_period p ON p.period_key = f.period_key
        LEFT JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current = 1
        LEFT JOIN dim_council c ON c.council_key = i.council_key
        LEFT JOIN fact_result r ON r.indicator_code = f.indicator_code AND r.period_key = f.period_key AND r.is_current = 1
        WHERE (f.status <> 'Resolved'
               AND (f.notified_at IS NULL OR f.notified_level < f.escalation_level OR f.notified_at <= @CoolDownBefore))
           OR (f.status = 'Resolved' AND f.notified_at IS NOT NULL AND (f.notified_status IS NULL OR f.notified_status <> 'Resolved'))
        ORDER BY s.service_code, f.kind, f.indicator_code, f.period_key
        """;

    public static async Task<IReadOnlyList<Digest>> PendingAsync(
        DbConnection connection, DateTimeOffset asOf, TimeSpan coolDown, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            PendingSql, new { CoolDownBefore = (asOf - coolDown).UtcDateTime }, cancellationToken: cancellationToken));
        var today = UkClock.DateAt(asOf);
        return [.. rows.GroupBy(r => r.ServiceCode, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new Digest(
                first.ServiceCode, first.ServiceName, first.HeadOfService, first.HeadOfServiceEmail, first.Director, first.DirectorEmail, asOf,
                [.. g.Select(r =>
                {
                    var due = DateOnly.FromDateTime(r.DueAt);
                    var calendar = WorkingDayCalendar.For(NationNames.TryRead(r.Nation, out var nation) ? nation : Nation.England);
                    return new DigestItem(
                        r.FollowUpId, r.Kind, r.IndicatorCode, r.IndicatorName, r.PeriodCode, r.Status, (int)r.Level, due,
                        Math.Max(0, calendar.WorkingDaysBetween(due, today)), r.Detail, Number(r.Value), Number(r.Target), r.Rag is null ? null : WarehouseText.ParseRag(r.Rag), r.Commentary, r.RemedialAction, r.Issue)
                    {
                        CouncilCode = r.CouncilCode,
                    };
                })]);
        })];
    }

    private static decimal? Number(object? value) =>
        value is null or DBNull ? null : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public long FollowUpId { get; init; }

        public string Kind { get; init; } = "";

        public string IndicatorCode { get; init; } = "";

        public string? IndicatorName { get; init; }

        public string PeriodCode { get; init; } = "";

        public string Status { get; init; } = "";

        public long Level { get; init; }

        public DateTime DueAt { get; init; }

        public string? Detail { get; init; }

        public string ServiceCode { get; init; } = "";

        /// <summary>The nation of the indicator's council, whose working days count how late it is.</summary>
        public string? Nation { get; init; }

        public string ServiceName { get; init; } = "";

        public string HeadOfService { get; init; } = "";

        public string HeadOfServiceEmail { get; init; } = "";

        public string? Director { get; init; }

        public string? DirectorEmail { get; init; }

        // SQLite hands NUMERIC back as whole or floating numbers row by row; converted once read.
        public object? Value { get; init; }

        public object? Target { get; init; }

        public string? Rag { get; init; }

        public string? Commentary { get; init; }

        public string? RemedialAction { get; init; }

        public string? Issue { get; init; }

        public string? CouncilCode { get; init; }
    }
}
