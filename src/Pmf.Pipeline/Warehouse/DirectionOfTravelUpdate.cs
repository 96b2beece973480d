using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Direction of travel, set-based, for every current row whose value or comparator a submission just
/// changed: its own rows, the next period's row (its "previous" is now a new value) and the same period
/// next year. The CASE is <see cref="Scoring.DirectionOfTravelRule"/> in SQL: either value missing is
/// NULL (not comparable), equal is Steady whatever the polarity, a change without polarity is NULL,
/// otherwise the indicator version's polarity says Improving or Worsening. Comparisons are exact.
/// </summary>
internal static class DirectionOfTravelUpdate
{
    private const string Judge = """
        CASE
            WHEN fact_result.result_value IS NULL OR c.result_value IS NULL THEN NULL
            WHEN fact_result.result_value = c.result_value THEN 'Steady'
            WHEN i.polarity = 'Higher is better' AND fact_result.result_value > c.result_value THEN 'Improving'
            WHEN i.polarity = 'Lower is better' AND fact_result.result_value < c.result_value THEN 'Improving'
            WHEN i.polarity IN ('Higher is better', 'Lower is better') THEN 'Worsening'
        END
        """;

    internal const string UpdateDirectionSql = $"""
        UPDATE fact_result
        SET direction_vs_previous = (
                SELECT {Judge}
                FROM dim_period p
                INNER JOIN fact_result c ON c.indicator_code = fact_result.indicator_code
                                        AND c.period_key = p.previous_period_key AND c.is_current = 1
                INNER JOIN dim_indicator i ON i.indicator_key = fact_result.indicator_key
                WHERE p.period_key = fact_result.period_key),
            direction_vs_last_year = (
                SELECT {Judge}
                FROM dim_period p
                INNER JOIN fact_result c ON c.indicator_code = fact_result.indicator_code
                                        AND c.period_key = p.same_period_last_year_key AND c.is_current = 1
                INNER JOIN dim_indicator i ON i.indicator_key = fact_result.indicator_key
                WHERE p.period_key = fact_result.period_key)
        WHERE is_current = 1
          AND indicator_code IN (SELECT s.indicator_code FROM fact_result s WHERE s.submission_id = @SubmissionId)
          AND EXISTS (SELECT 1 FROM dim_period p
                      INNER JOIN fact_result s ON s.indicator_code = fact_result.indicator_code
                                              AND s.period_key IN (p.period_key, p.previous_period_key, p.same_period_last_year_key)
                      WHERE p.period_key = fact_result.period_key
                        AND s.submission_id = @SubmissionId
                        AND s.is_current = 1)
        """;

    /// <summary>Returns how many current rows were (re)judged.</summary>
    public static Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, long submissionId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UpdateDirectionSql, new { SubmissionId = submissionId }, transaction, cancellationToken: cancellationToken));
}
