using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Direction of travel, set-based, for every current row whose value or comparator a submission just
/// changed: its own rows, and current rows of other submissions in the period after one of them or the
/// same period a year later (their "previous" or "last year" is now a new value). The CASE is
/// <see cref="Scoring.DirectionOfTravelRule"/> in SQL: either value missing is NULL (not comparable),
/// equal is Steady whatever the polarity, a change without polarity is NULL, otherwise the indicator
/// version's polarity says Improving or Worsening. Comparisons are exact. A year-to-date indicator
/// compares like with like: its "previous" is the same period last year (Q2's year so far with last
/// year's Q2), never the period before, which always holds less of the year.
/// </summary>
/// <remarks>
/// Each statement judges its rows in one join (the row, its period, its indicator version, and the
/// current rows of the previous period and of the same period last year) and writes the verdicts back
/// by key. <c>UPDATE … SET … FROM (derived table) WHERE key = …</c>, with the target not repeated in the
/// FROM, is the one form SQLite and SQL Server both accept. At a million rows the two take ~3.7 s in
/// SQLite where a correlated subquery per column and an EXISTS over three periods for every current row
/// of the submission's indicators took ~4.5 s (bench/README.md). The joins to dim_period and
/// dim_indicator are inner: fact_result's foreign keys guarantee both rows.
/// </remarks>
internal static class DirectionOfTravelUpdate
{
    private const string Judged = """
        SELECT r.result_key,
               CASE
                   WHEN r.result_value IS NULL OR c.result_value IS NULL THEN NULL
                   WHEN r.result_value = c.result_value THEN 'Steady'
                   WHEN i.polarity = 'Higher is better' AND r.result_value > c.result_value THEN 'Improving'
                   WHEN i.polarity = 'Lower is better' AND r.result_value < c.result_value THEN 'Improving'
                   WHEN i.polarity IN ('Higher is better', 'Lower is better') THEN 'Worsening'
               END AS vs_previous,
               CASE
                   WHEN r.result_value IS NULL OR y.result_value IS NULL THEN NULL
                   WHEN r.result_value = y.result_value THEN 'Steady'
                   WHEN i.polarity = 'Higher is better' AND r.result_value > y.result_value THEN 'Improving'
                   WHEN i.polarity = 'Lower is better' AND r.result_value < y.result_value THEN 'Improving'
                   WHEN i.polarity IN ('Higher is better', 'Lower is better') THEN 'Worsening'
               END AS vs_last_year
        FROM fact_result r
        INNER JOIN dim_period p ON p.period_key = r.period_key
        INNER JOIN dim_indicator i ON i.indicator_key = r.indicator_key
        LEFT JOIN fact_result c ON c.indicator_code = r.indicator_code
                               AND c.period_key = CASE WHEN i.accumulation = 'Year to date' THEN p.same_period_last_year_key
                                                       ELSE p.previous_period_key END
                               AND c.is_current = 1
        LEFT JOIN fact_result y ON y.indicator_code = r.indicator_code
                               AND y.period_key = p.same_period_last_year_key AND y.is_current = 1
        """;

    private const string SetFromJudged = """
        UPDATE fact_result
        SET direction_vs_previous = judged.vs_previous,
            direction_vs_last_year = judged.vs_last_year
        FROM (
        """;

    /// <summary>The submission's own current rows.</summary>
    internal const string JudgeOwnRowsSql = $"""
        {SetFromJudged}
            {Judged}
            WHERE r.submission_id = @SubmissionId AND r.is_current = 1
        ) judged
        WHERE fact_result.result_key = judged.result_key
        """;

    /// <summary>
    /// Current rows of other submissions in the next period, or the same period next year, of one of the
    /// submission's rows. Found from the submission's rows forward through dim_period's unique indexes on
    /// previous_period_key and same_period_last_year_key (migration 0006), so the cost is two index
    /// look-ups a row of the submission, whatever the size of the fact table. The submission's rows are
    /// read from its index alone, without is_current: a row of it that is not current is a repeat, and the
    /// later row for the same indicator and period is current, so the periods are the same.
    /// </summary>
    internal const string JudgeNeighboursSql = $"""
        {SetFromJudged}
            {Judged}
            WHERE r.result_key IN (
                SELECT n.result_key
                FROM fact_result s
                INNER JOIN dim_period np ON np.previous_period_key = s.period_key
                INNER JOIN fact_result n ON n.indicator_code = s.indicator_code AND n.period_key = np.period_key AND n.is_current = 1
                WHERE s.submission_id = @SubmissionId AND n.submission_id <> @SubmissionId
                UNION
                SELECT n.result_key
                FROM fact_result s
                INNER JOIN dim_period np ON np.same_period_last_year_key = s.period_key
                INNER JOIN fact_result n ON n.indicator_code = s.indicator_code AND n.period_key = np.period_key AND n.is_current = 1
                WHERE s.submission_id = @SubmissionId AND n.submission_id <> @SubmissionId)
        ) judged
        WHERE fact_result.result_key = judged.result_key
        """;

    /// <summary>One current row of the submission, by key: for the few whose direction the gate could not settle.</summary>
    internal const string JudgeOwnKeySql = $"""
        {SetFromJudged}
            {Judged}
            WHERE r.submission_id = @SubmissionId AND r.indicator_code = @IndicatorCode AND r.period_key = @PeriodKey AND r.is_current = 1
        ) judged
        WHERE fact_result.result_key = judged.result_key
        """;

    /// <summary>
    /// Current rows of other submissions in the next period, or the same period next year, of one key of
    /// the submission: for the few keys the gate saw such a neighbour of in the warehouse.
    /// </summary>
    internal const string JudgeNeighboursOfKeySql = $"""
        {SetFromJudged}
            {Judged}
            WHERE r.indicator_code = @IndicatorCode AND r.is_current = 1 AND r.submission_id <> @SubmissionId
              AND r.period_key IN (SELECT np.period_key FROM dim_period np WHERE np.previous_period_key = @PeriodKey
                                   UNION
                                   SELECT ny.period_key FROM dim_period ny WHERE ny.same_period_last_year_key = @PeriodKey)
        ) judged
        WHERE fact_result.result_key = judged.result_key
        """;

    /// <summary>
    /// Judges the submission's own current rows (all of them, or when the gate judged them as they
    /// passed, only <paramref name="ownKeys"/>), then the neighbours in other submissions (of every row,
    /// or only of <paramref name="neighbourKeys"/>). Returns how many current rows were (re)judged.
    /// </summary>
    public static async Task<int> ApplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        long submissionId,
        IReadOnlyList<(string Code, int PeriodKey)>? ownKeys,
        IReadOnlyList<(string Code, int PeriodKey)>? neighbourKeys,
        CancellationToken cancellationToken)
    {
        var parameters = new { SubmissionId = submissionId };
        var own = ownKeys is null
            ? await connection.ExecuteAsync(new CommandDefinition(JudgeOwnRowsSql, parameters, transaction, cancellationToken: cancellationToken))
            : await Supersession.ByKeyAsync(connection, transaction, submissionId, ownKeys, [JudgeOwnKeySql], cancellationToken);
        var neighbours = neighbourKeys is null
            ? await connection.ExecuteAsync(new CommandDefinition(JudgeNeighboursSql, parameters, transaction, cancellationToken: cancellationToken))
            : await Supersession.ByKeyAsync(connection, transaction, submissionId, neighbourKeys, [JudgeNeighboursOfKeySql], cancellationToken);
        return own + neighbours;
    }
}
