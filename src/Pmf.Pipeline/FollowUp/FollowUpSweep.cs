using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// The sweep as set-based SQL, in one transaction: work out every condition that holds as of the
/// sweep into <c>sweep_flag</c>, then merge it into <c>follow_up</c> (raise what is new, reopen what
/// came back, resolve what cleared, escalate what aged), writing a <c>follow_up_event</c> for each change.
/// Statements are the same whatever the size of the catalogue; only the due dates are worked out in C#,
/// per nation: an indicator's due date, reminder and escalations count the working days of its council's
/// nation (<see cref="Nation"/>), so a service shared by councils in two nations is chased for each
/// council's indicators by that council's calendar.
/// </summary>
internal static class FollowUpSweep
{
    internal const string Sweep = "sweep";

    internal const string ClearPeriodDueSql = "DELETE FROM sweep_period_due";

    internal const string ClearFlagsSql = "DELETE FROM sweep_flag";

    internal const string ClearNationsSql = "DELETE FROM sweep_nation";

    internal const string NationsSql = "SELECT DISTINCT nation FROM dim_council";

    internal const string InsertNationSql = """
        INSERT INTO sweep_nation (nation, remind_by, overdue_by, director_by, team_by)
        VALUES (@Nation, @RemindBy, @OverdueBy, @DirectorBy, @TeamBy)
        """;

    internal const string PeriodsSql = """
        SELECT period_key AS PeriodKey, end_date AS EndDate
        FROM dim_period WHERE end_date >= @WindowStart AND end_date < @Today
        """;

    internal const string DueDaysSql = "SELECT DISTINCT due_working_days FROM dim_indicator WHERE is_current = 1";

    internal const string InsertPeriodDueSql = """
        INSERT INTO sweep_period_due (period_key, due_working_days, nation, due_on) VALUES (@PeriodKey, @DueWorkingDays, @Nation, @DueOn)
        """;

    // Late (a return) or Freshness (a service-system feed): no current accepted value for an ended period
    // whose due date has passed or is within the reminder window.
    internal const string InsertOverdueFlagsSql = """
        INSERT INTO sweep_flag (kind, indicator_code, period_key, service_key, owner_email, due_at, escalation_level, detail, nation)
        SELECT CASE WHEN UPPER(i.source) = 'RETURN' THEN 'Late' ELSE 'Freshness' END,
               i.indicator_code, p.period_key, s.service_key, s.head_of_service_email, d.due_on,
               CASE WHEN d.due_on <= n.team_by THEN 3 WHEN d.due_on <= n.director_by THEN 2 WHEN d.due_on <= n.overdue_by THEN 1 ELSE 0 END,
               CASE WHEN UPPER(i.source) = 'RETURN' THEN NULL ELSE i.source END,
               c.nation
        FROM dim_indicator i
        JOIN dim_council c ON c.council_key = i.council_key
        JOIN sweep_nation n ON n.nation = c.nation
        JOIN dim_service s ON s.service_key = i.service_key
        JOIN dim_period p ON p.frequency = i.frequency
        JOIN sweep_period_due d ON d.period_key = p.period_key AND d.due_working_days = i.due_working_days AND d.nation = c.nation
        WHERE i.is_current = 1
          AND d.due_on <= n.remind_by
          AND (i.active_from IS NULL OR i.active_from <= p.end_date)
          AND (i.active_to IS NULL OR i.active_to >= p.start_date)
          AND NOT EXISTS (SELECT 1 FROM fact_result r
                          WHERE r.indicator_code = i.indicator_code AND r.period_key = p.period_key AND r.is_current = 1)
        """;

    // Each indicator's latest current result in the window, with the two before it.
    private const string LatestResults = """
        FROM (SELECT indicator_code, MAX(period_key) AS period_key FROM fact_result WHERE is_current = 1 GROUP BY indicator_code) l
        JOIN fact_result r ON r.indicator_code = l.indicator_code AND r.period_key = l.period_key AND r.is_current = 1
        JOIN dim_period p ON p.period_key = r.period_key
        JOIN dim_indicator i ON i.indicator_code = r.indicator_code AND i.is_current = 1
        JOIN dim_council c ON c.council_key = i.council_key
        JOIN dim_service s ON s.service_key = i.service_key
        LEFT JOIN fact_result r1 ON r1.indicator_code = r.indicator_code AND r1.period_key = p.previous_period_key AND r1.is_current = 1
        LEFT JOIN dim_period p1 ON p1.period_key = p.previous_period_key
        LEFT JOIN fact_result r2 ON r2.indicator_code = r.indicator_code AND r2.period_key = p1.previous_period_key AND r2.is_current = 1
        WHERE p.end_date >= @WindowStart AND (i.active_to IS NULL OR i.active_to >= p.start_date)
        """;

    private const string InsertFlag = """
        INSERT INTO sweep_flag (kind, indicator_code, period_key, service_key, owner_email, due_at, escalation_level, detail, nation)
        """;

    private const string RedRunning = """
        CASE WHEN r1.rag = 'Red' AND r2.rag = 'Red' THEN 'Red 3 or more periods running'
             WHEN r1.rag = 'Red' THEN 'Red 2 periods running' ELSE 'Red this period' END
        """;

    internal const string InsertRedFlagsSql = $"""
        {InsertFlag}
        SELECT 'Red', r.indicator_code, r.period_key, s.service_key, s.head_of_service_email, @Today, 1,
        {RedRunning}, c.nation
        {LatestResults}
          AND r.rag = 'Red'
        """;

    // A remedial action added after the return (result_note, pmf results note or the result's web page) counts as one given.
    internal const string InsertRedWithoutActionFlagsSql = $"""
        {InsertFlag}
        SELECT 'RedWithoutAction', r.indicator_code, r.period_key, s.service_key, s.head_of_service_email, @Today, 1,
        {RedRunning}, c.nation
        {LatestResults}
          AND r.rag = 'Red' AND r1.rag = 'Red'
          AND (r.remedial_action IS NULL OR LTRIM(RTRIM(r.remedial_action)) = '')
          AND NOT EXISTS (SELECT 1 FROM result_note n
                          WHERE n.indicator_code = r.indicator_code AND n.period_key = r.period_key
                            AND n.remedial_action IS NOT NULL AND LTRIM(RTRIM(n.remedial_action)) <> '')
        """;

    internal const string InsertWorseningFlagsSql = $"""
        {InsertFlag}
        SELECT 'Worsening', r.indicator_code, r.period_key, s.service_key, s.head_of_service_email, @Today, 1,
               'Worse than the period before, three periods running', c.nation
        {LatestResults}
          AND r.direction_vs_previous = 'Worsening' AND r1.direction_vs_previous = 'Worsening'
        """;

    internal const string InsertNoTargetFlagsSql = $"""
        {InsertFlag}
        SELECT 'NoTarget', r.indicator_code, r.period_key, s.service_key, s.head_of_service_email, @Today, 1,
               'No target set for the period', c.nation
        {LatestResults}
          AND i.indicator_type = 'Quantitative' AND i.polarity <> 'None' AND r.is_nil_return = 0
          AND NOT EXISTS (SELECT 1 FROM fact_target t WHERE t.indicator_code = r.indicator_code AND t.period_key = r.period_key)
        """;

    // Error rows for an indicator, or a delivery-plan action (its code is in dq_issue.indicator_code), and
    // period with no current value or update loaded by a later submission.
    internal const string InsertDataQualityFlagsSql = """
        INSERT INTO sweep_flag (kind, indicator_code, period_key, service_key, owner_email, due_at, escalation_level, detail, nation)
        SELECT 'DataQuality', e.indicator_code, e.period_key, s.service_key, s.head_of_service_email, @Today, 1, e.rule_id,
               COALESCE((SELECT c.nation FROM dim_indicator i JOIN dim_council c ON c.council_key = i.council_key
                         WHERE i.indicator_code = e.indicator_code AND i.is_current = 1),
                        (SELECT c.nation FROM dim_action a JOIN dim_council c ON c.council_key = a.council_key
                         WHERE a.action_code = e.indicator_code AND a.is_current = 1), 'England')
        FROM (SELECT q.indicator_code, p.period_key, MIN(sub.service_code) AS service_code, MIN(q.rule_id) AS rule_id
              FROM dq_issue q
              JOIN submission sub ON sub.submission_id = q.submission_id
              JOIN dim_period p ON p.period_code = q.period_code
              WHERE q.severity = 'Error' AND q.indicator_code IS NOT NULL AND p.end_date >= @WindowStart
                AND NOT EXISTS (SELECT 1 FROM fact_result r
                                WHERE r.indicator_code = q.indicator_code AND r.period_key = p.period_key
                                  AND r.is_current = 1 AND r.submission_id > q.submission_id)
                AND NOT EXISTS (SELECT 1 FROM fact_action_progress ap
                                WHERE ap.action_code = q.indicator_code AND ap.period_key = p.period_key
                                  AND ap.is_current = 1 AND ap.submission_id > q.submission_id)
              GROUP BY q.indicator_code, p.period_key) e
        JOIN dim_service s ON s.service_code = e.service_code
        """;

    // A current action's milestone past its due date, with no current update for a period ending on or after
    // that date saying the action is on track or complete. One flag per milestone (its name is the subject),
    // under the quarter of its due date: two milestones due in one quarter are two follow-ups.
    internal const string InsertMilestoneFlagsSql = """
        INSERT INTO sweep_flag (kind, indicator_code, period_key, service_key, owner_email, due_at, escalation_level, detail, nation, subject)
        SELECT 'Milestone', a.action_code, p.period_key, s.service_key, s.head_of_service_email, MIN(m.due_date), 1, m.milestone_name, c.nation, m.milestone_name
        FROM dim_milestone m
        JOIN dim_action a ON a.action_key = m.action_key AND a.is_current = 1
        JOIN dim_date d ON d.date_key = m.due_date_key
        JOIN dim_period p ON p.period_code = d.quarter_code
        JOIN dim_service s ON s.service_key = a.service_key
        JOIN dim_council c ON c.council_key = a.council_key
        WHERE m.due_date < @Today AND p.end_date >= @WindowStart
          AND NOT EXISTS (SELECT 1 FROM fact_action_progress f JOIN dim_period fp ON fp.period_key = f.period_key
                          WHERE f.action_key = a.action_key AND f.is_current = 1 AND fp.end_date >= m.due_date
                            AND f.status IN ('On track', 'Complete'))
        GROUP BY a.action_code, p.period_key, m.milestone_name, s.service_key, s.head_of_service_email, c.nation
        """;

    private const string Flagged = """
        EXISTS (SELECT 1 FROM sweep_flag x
                WHERE x.kind = follow_up.kind AND x.indicator_code = follow_up.indicator_code AND x.period_key = follow_up.period_key
                  AND x.subject = follow_up.subject)
        """;

    private const string InWindow = """
        EXISTS (SELECT 1 FROM dim_period w WHERE w.period_key = follow_up.period_key AND w.end_date >= @WindowStart)
        """;

    private const string EventColumns = "INSERT INTO follow_up_event (follow_up_id, occurred_at, action, status, escalation_level, actor, note)";

    private const string Reopenable = $"""
        follow_up.status = 'Resolved' AND follow_up.resolved_by = 'sweep' AND {Flagged}
        """;

    internal const string ReopenEventsSql = $"""
        {EventColumns}
        SELECT follow_up_id, @Now, 'Reopened', 'Open', escalation_level, 'sweep', 'The condition is back.'
        FROM follow_up WHERE {Reopenable}
        """;

    internal const string ReopenSql = $"""
        UPDATE follow_up SET status = 'Open', resolved_at = NULL, resolved_by = NULL, last_changed_at = @Now
        WHERE {Reopenable}
        """;

    internal const string RaiseSql = """
        INSERT INTO follow_up (kind, indicator_code, period_key, service_key, owner_email, raised_at, due_at, status,
                               escalation_level, last_changed_at, detail, subject)
        SELECT x.kind, x.indicator_code, x.period_key, x.service_key, x.owner_email, @Now, x.due_at, 'Open',
               x.escalation_level, @Now, x.detail, x.subject
        FROM sweep_flag x
        WHERE NOT EXISTS (SELECT 1 FROM follow_up f
                          WHERE f.kind = x.kind AND f.indicator_code = x.indicator_code AND f.period_key = x.period_key
                            AND f.subject = x.subject)
        """;

    internal const string RaisedEventsSql = $"""
        {EventColumns}
        SELECT f.follow_up_id, @Now, 'Raised', f.status, f.escalation_level, 'sweep', f.detail
        FROM follow_up f
        WHERE f.raised_at = @Now AND NOT EXISTS (SELECT 1 FROM follow_up_event e WHERE e.follow_up_id = f.follow_up_id)
        """;

    private const string Cleared = $"""
        follow_up.status <> 'Resolved' AND NOT {Flagged} AND {InWindow}
        """;

    internal const string ResolveEventsSql = $"""
        {EventColumns}
        SELECT follow_up_id, @Now, 'Resolved', 'Resolved', escalation_level, 'sweep', 'The condition cleared.'
        FROM follow_up WHERE {Cleared}
        """;

    internal const string ResolveSql = $"""
        UPDATE follow_up SET status = 'Resolved', resolved_at = @Now, resolved_by = 'sweep', last_changed_at = @Now
        WHERE {Cleared}
        """;

    // The level a flagged follow-up has reached today, by the working days of its flag's nation.
    private const string NewLevel = """
        (SELECT CASE WHEN follow_up.due_at <= n.team_by THEN 3
                     WHEN follow_up.due_at <= n.director_by THEN 2
                     WHEN follow_up.due_at <= n.overdue_by OR follow_up.kind NOT IN ('Late', 'Freshness') THEN 1
                     ELSE 0 END
         FROM sweep_flag x JOIN sweep_nation n ON n.nation = x.nation
         WHERE x.kind = follow_up.kind AND x.indicator_code = follow_up.indicator_code AND x.period_key = follow_up.period_key
           AND x.subject = follow_up.subject)
        """;

    private const string Escalating = $"""
        follow_up.status <> 'Resolved' AND {NewLevel} > follow_up.escalation_level AND {Flagged}
        """;

    internal const string EscalateEventsSql = $"""
        {EventColumns}
        SELECT follow_up_id, @Now, 'Escalated', status, {NewLevel}, 'sweep', NULL
        FROM follow_up WHERE {Escalating}
        """;

    internal const string EscalateSql = $"""
        UPDATE follow_up SET escalation_level = {NewLevel}, last_changed_at = @Now
        WHERE {Escalating}
        """;

    internal const string OpenByKindSql = """
        SELECT f.kind AS Kind, s.service_code AS ServiceCode, f.escalation_level AS Level, COUNT(*) AS Count
        FROM follow_up f JOIN dim_service s ON s.service_key = f.service_key
        WHERE f.status <> 'Resolved'
        GROUP BY f.kind, s.service_code, f.escalation_level
        ORDER BY s.service_code, f.kind, f.escalation_level
        """;

    /// <summary>Runs the sweep on <paramref name="connection"/> inside <paramref name="transaction"/>.</summary>
    public static async Task<SweepChanges> RunAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset asOf, FollowUpOptions options, CancellationToken cancellationToken)
    {
        var dates = SweepDates.For(asOf, options);
        var parameters = new
        {
            Now = asOf.UtcDateTime,
            dates.Today,
            dates.WindowStart,
        };

        await ExecuteAsync(ClearPeriodDueSql);
        await ExecuteAsync(ClearFlagsSql);
        await ExecuteAsync(ClearNationsSql);
        await FillPeriodDueAsync(connection, transaction, asOf, options, dates, cancellationToken);
        foreach (var sql in new[] { InsertOverdueFlagsSql, InsertRedFlagsSql, InsertRedWithoutActionFlagsSql, InsertWorseningFlagsSql, InsertNoTargetFlagsSql, InsertDataQualityFlagsSql, InsertMilestoneFlagsSql })
        {
            await ExecuteAsync(sql);
        }

        var reopened = await ExecuteAsync(ReopenEventsSql);
        await ExecuteAsync(ReopenSql);
        await ExecuteAsync(RaiseSql);
        var raised = await ExecuteAsync(RaisedEventsSql);
        var resolved = await ExecuteAsync(ResolveEventsSql);
        await ExecuteAsync(ResolveSql);
        var escalated = await ExecuteAsync(EscalateEventsSql);
        await ExecuteAsync(EscalateSql);

        var open = await connection.QueryAsync<OpenFlagRow>(new CommandDefinition(OpenByKindSql, transaction: transaction, cancellationToken: cancellationToken));
        return new SweepChanges(raised, reopened, resolved, escalated,
            [.. open.Select(o => new OpenFollowUps(o.Kind, o.ServiceCode, (int)o.Level, (int)o.Count))]);

        Task<int> ExecuteAsync(string sql) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Each nation's sweep dates, and every (period, due working days, nation)'s due date, by that nation's calendar.</summary>
    private static async Task FillPeriodDueAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset asOf, FollowUpOptions options, SweepDates dates, CancellationToken cancellationToken)
    {
        var periods = (await connection.QueryAsync<PeriodRow>(new CommandDefinition(
            PeriodsSql, new { dates.WindowStart, dates.Today }, transaction, cancellationToken: cancellationToken))).ToList();
        var dueDays = (await connection.QueryAsync<long>(new CommandDefinition(DueDaysSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var nations = await connection.QueryAsync<string>(new CommandDefinition(NationsSql, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var name in nations)
        {
            var calendar = WorkingDayCalendar.For(NationNames.TryRead(name, out var nation) ? nation : Nation.England);
            var own = SweepDates.For(asOf, options, calendar);
            await connection.ExecuteAsync(new CommandDefinition(
                InsertNationSql, new { Nation = name, own.RemindBy, own.OverdueBy, own.DirectorBy, own.TeamBy }, transaction, cancellationToken: cancellationToken));
            var rows = (from p in periods
                        from d in dueDays
                        select new { p.PeriodKey, DueWorkingDays = d, Nation = name, DueOn = ReturnDueDate.For(DateOnly.FromDateTime(p.EndDate), (int)d, calendar) }).ToList();
            await connection.ExecuteAsync(new CommandDefinition(InsertPeriodDueSql, rows, transaction, cancellationToken: cancellationToken));
        }
    }

    private sealed class PeriodRow
    {
        public long PeriodKey { get; init; }

        public DateTime EndDate { get; init; }
    }

    private sealed class OpenFlagRow
    {
        public string Kind { get; init; } = "";

        public string ServiceCode { get; init; } = "";

        public long Level { get; init; }

        public long Count { get; init; }
    }
}
