using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Reports;

/// <summary>What an annual review reads beyond the indicators and actions: the actions' milestones, and the year's case studies.</summary>
internal static class AnnualReviewQuery
{
    internal const string MilestonesSql = """
        SELECT a.action_code AS Code, m.milestone_name AS Name, m.due_date AS Due
        FROM dim_milestone AS m
        INNER JOIN dim_action AS a ON a.action_key = m.action_key
        INNER JOIN dim_council AS c ON c.council_key = a.council_key
        WHERE a.is_current = 1 AND c.council_code = @Council
        ORDER BY m.due_date_key, m.milestone_key
        """;

    // The current results of the year that carry a case study: the title the service gave, the story its commentary.
    internal const string CaseStudiesSql = """
        SELECT r.indicator_code AS IndicatorCode, i.indicator_name AS IndicatorName, pr.priority_code AS PriorityCode, pr.priority_name AS PriorityName,
               s.service_name AS ServiceName, p.period_code AS PeriodCode, r.case_study_title AS Title, r.commentary AS Story
        FROM fact_result AS r
        INNER JOIN dim_indicator AS i ON i.indicator_key = r.indicator_key
        INNER JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
        INNER JOIN dim_service AS s ON s.service_key = r.service_key
        INNER JOIN dim_period AS p ON p.period_key = r.period_key
        INNER JOIN dim_council AS c ON c.council_key = r.council_key
        WHERE r.is_current = 1 AND r.case_study_title IS NOT NULL AND r.commentary IS NOT NULL AND c.council_code = @Council
          AND p.start_date >= @YearStart AND p.end_date <= @YearEnd
        ORDER BY pr.priority_key, p.start_date, r.indicator_code
        """;

    public static async Task<IReadOnlyList<CaseStudy>> CaseStudiesAsync(DbConnection connection, string council, Calendar.Period year, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<CaseStudy>(new CommandDefinition(
            CaseStudiesSql, new { Council = council, YearStart = year.Start, YearEnd = year.End }, cancellationToken: cancellationToken))];

    /// <summary>The council's <paramref name="actions"/> with their milestones, for the annual review's plan section.</summary>
    public static async Task<IReadOnlyList<ReportedAction>> WithMilestonesAsync(DbConnection connection, string council, IReadOnlyList<ReportedAction> actions, CancellationToken cancellationToken)
    {
        var milestones = (await connection.QueryAsync<(string Code, string Name, object Due)>(
                new CommandDefinition(MilestonesSql, new { Council = council }, cancellationToken: cancellationToken)))
            .ToLookup(m => m.Code, m => (m.Name, PerformanceReportQuery.Date(m.Due)!.Value), StringComparer.Ordinal);
        return [.. actions.Select(a => a with { Milestones = [.. milestones[a.Code]] })];
    }
}
