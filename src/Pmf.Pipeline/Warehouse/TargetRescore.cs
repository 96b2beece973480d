using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Rescoring past results against the target now in force for their period: the one way a stored
/// RAG changes after a target changes. Finds current results judged against another version (or
/// none), scores them again with the tolerance they were judged with, and records each row in
/// <c>target_rescore</c> with who asked, when and why, in one transaction. A preview changes nothing.
/// </summary>
/// <param name="database">The warehouse.</param>
/// <param name="time">The clock the record is stamped with.</param>
public sealed class TargetRescore(WarehouseDatabase database, TimeProvider time)
{
    internal const string PendingSql = """
        SELECT r.result_key AS ResultKey, r.indicator_code AS IndicatorCode, r.period_key AS PeriodKey,
               r.result_value AS ValueRead, r.target_value AS OldTargetRead, r.rag AS OldRag, r.target_version_id AS OldVersionId,
               r.tolerance_amount AS ToleranceRead, r.tolerance_is_percent AS ToleranceIsPercent,
               t.target_value AS NewTargetRead, t.amber_threshold AS NewAmberRead, t.target_version_id AS NewVersionId,
               i.polarity AS Polarity
        FROM fact_result r
        INNER JOIN fact_target t ON t.indicator_code = r.indicator_code AND t.period_key = r.period_key
        INNER JOIN dim_indicator i ON i.indicator_key = r.indicator_key
        WHERE r.is_current = 1
          AND i.indicator_type = 'Quantitative'
          AND t.target_version_id IS NOT NULL
          AND (r.target_version_id IS NULL OR r.target_version_id <> t.target_version_id)
        """;

    internal const string UpdateResultSql = """
        UPDATE fact_result
        SET target_value = @NewTarget, amber_threshold = @NewAmber, rag = @NewRag, target_version_id = @NewVersionId
        WHERE result_key = @ResultKey
        """;

    internal const string RecordSql = """
        INSERT INTO target_rescore (result_key, indicator_code, period_key, from_version_id, to_version_id, from_target, to_target,
                                    from_rag, to_rag, rescored_at, rescored_by, reason)
        VALUES (@ResultKey, @IndicatorCode, @PeriodKey, @OldVersionId, @NewVersionId, @OldTarget, @NewTarget,
                @OldRag, @NewRag, @RescoredAt, @RescoredBy, @Reason)
        """;

    // A rescored result of a published period whose RAG changed is a restatement: the next report lists it.
    internal const string RestateSql = """
        INSERT INTO restatement (council_key, indicator_code, period_key, published_period_key, old_result_key, new_result_key,
                                 old_value, new_value, old_rag, new_rag, kind, reason, recorded_at, submission_id)
        SELECT r.council_key, r.indicator_code, r.period_key, MIN(pp.period_key), r.result_key, r.result_key,
               r.result_value, r.result_value, @OldRag, @NewRag, 'Rescore', @Reason, @RescoredAt, NULL
        FROM fact_result AS r
        INNER JOIN dim_period AS rp ON rp.period_key = r.period_key
        INNER JOIN publication_step AS ps ON ps.council_key = r.council_key AND ps.stage = 'Published'
        INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date
        WHERE r.result_key = @ResultKey AND @OldRag <> @NewRag
        GROUP BY r.council_key, r.indicator_code, r.period_key, r.result_key, r.result_value
        """;

    /// <summary>The results judged against a target other than the one now in force for their period.</summary>
    /// <param name="indicatorCode">Only this indicator; null for every one.</param>
    /// <param name="year">Only periods of this financial year; null for every year.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<RescoredResult>> PreviewAsync(string? indicatorCode, FinancialYear? year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Pending>(new CommandDefinition(PendingSql, cancellationToken: cancellationToken));
        return [.. rows.Where(r => Selected(r, indicatorCode, year)).Select(Judge).OrderBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Period)];
    }

    /// <summary>Rescores what <see cref="PreviewAsync"/> lists and records each change.</summary>
    /// <param name="indicatorCode">Only this indicator; null for every one.</param>
    /// <param name="year">Only periods of this financial year; null for every year.</param>
    /// <param name="by">Who asked for it.</param>
    /// <param name="reason">Why, for the record (required).</param>
    /// <param name="cancellationToken">Stops the work; nothing is written unless all of it is.</param>
    /// <exception cref="ArgumentException">No reason or no name was given.</exception>
    public async Task<IReadOnlyList<RescoredResult>> RunAsync(string? indicatorCode, FinancialYear? year, string by, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(by) || string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Rescoring past results needs who is doing it (--by) and why (--reason), for the record.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Pending>(new CommandDefinition(PendingSql, transaction: transaction, cancellationToken: cancellationToken)))
            .Where(r => Selected(r, indicatorCode, year))
            .ToList();
        var judged = rows.Select(Judge).ToList();
        var parameters = rows.Zip(judged, (row, result) => new
        {
            row.ResultKey,
            row.IndicatorCode,
            row.PeriodKey,
            row.OldVersionId,
            row.NewVersionId,
            row.OldTarget,
            row.NewTarget,
            row.NewAmber,
            row.OldRag,
            NewRag = WarehouseText.Rag(result.NewRag),
            RescoredAt = time.GetUtcNow().UtcDateTime,
            RescoredBy = by.Trim(),
            Reason = reason.Trim(),
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpdateResultSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RestateSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. judged.OrderBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Period)];
    }

    private static bool Selected(Pending row, string? indicatorCode, FinancialYear? year) =>
        (indicatorCode is null || string.Equals(row.IndicatorCode, indicatorCode, StringComparison.OrdinalIgnoreCase))
        && (year is null || PeriodKeys.ToPeriod(row.PeriodKey).Year == year);

    private static RescoredResult Judge(Pending row)
    {
        var polarity = row.Polarity switch
        {
            "Higher is better" => Polarity.HigherIsBetter,
            "Lower is better" => Polarity.LowerIsBetter,
            _ => Polarity.None,
        };
        var tolerance = new Tolerance(row.ToleranceAmount ?? 0m, row.ToleranceIsPercent ?? false);
        var rag = RagRule.Evaluate(row.Value, row.NewTarget, polarity, tolerance, row.NewAmber);
        return new RescoredResult(row.IndicatorCode, PeriodKeys.ToPeriod(row.PeriodKey), row.Value, row.OldTarget, row.NewTarget, WarehouseText.ParseRag(row.OldRag), rag);
    }

    private sealed class Pending
    {
        public long ResultKey { get; init; }

        public string IndicatorCode { get; init; } = "";

        public int PeriodKey { get; init; }

        // NUMERIC columns come back whole or floating row by row in SQLite.
        public object? ValueRead { get; init; }

        public object? OldTargetRead { get; init; }

        public object? ToleranceRead { get; init; }

        public object? NewTargetRead { get; init; }

        public object? NewAmberRead { get; init; }

        public decimal? Value => Columns.Number(ValueRead);

        public decimal? OldTarget => Columns.Number(OldTargetRead);

        public decimal? ToleranceAmount => Columns.Number(ToleranceRead);

        public decimal NewTarget => Columns.Number(NewTargetRead) ?? 0m;

        public decimal? NewAmber => Columns.Number(NewAmberRead);

        public string OldRag { get; init; } = "";

        public long? OldVersionId { get; init; }

        public bool? ToleranceIsPercent { get; init; }

        public long NewVersionId { get; init; }

        public string Polarity { get; init; } = "";
    }
}
