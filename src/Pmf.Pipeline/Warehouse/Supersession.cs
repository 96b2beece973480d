using System.Data;
using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Makes a submission's results current once they are all in: per indicator and period, the newest
/// submission's row is current and the row it replaces stays as history, stamped with the submission
/// that superseded it. Indicators and periods the submission does not mention are untouched.
/// </summary>
/// <remarks>
/// Rows the gate judged went in current already where nothing was current for their key, so only the
/// keys that replace a result are settled here, one by one while they are few (<see cref="CompletionKeys"/>),
/// and only the directions the gate could not settle are judged again. A submission with any row the
/// gate did not judge is settled wholly set-based, as before.
/// </remarks>
internal static class Supersession
{
    /// <summary>Earlier current rows for an indicator and period this submission gives.</summary>
    internal const string SupersedeEarlierSql = """
        UPDATE fact_result
        SET is_current = 0, superseded_by_submission_id = @SubmissionId
        WHERE is_current = 1 AND submission_id <> @SubmissionId
          AND indicator_code IN (SELECT s.indicator_code FROM fact_result s WHERE s.submission_id = @SubmissionId)
          AND EXISTS (SELECT 1 FROM fact_result s
                      WHERE s.submission_id = @SubmissionId
                        AND s.indicator_code = fact_result.indicator_code
                        AND s.period_key = fact_result.period_key)
        """;

    /// <summary>A file that gives the same indicator and period twice: its later row wins, the earlier is history.</summary>
    internal const string SupersedeRepeatsSql = """
        UPDATE fact_result
        SET superseded_by_submission_id = @SubmissionId
        WHERE submission_id = @SubmissionId
          AND EXISTS (SELECT 1 FROM fact_result later
                      WHERE later.submission_id = @SubmissionId
                        AND later.indicator_code = fact_result.indicator_code
                        AND later.period_key = fact_result.period_key
                        AND later.result_key > fact_result.result_key)
        """;

    internal const string MakeCurrentSql = """
        UPDATE fact_result SET is_current = 1
        WHERE submission_id = @SubmissionId AND is_current = 0 AND superseded_by_submission_id IS NULL
        """;

    internal const string ResetOwnSql = "UPDATE fact_result SET is_current = 0 WHERE submission_id = @SubmissionId AND is_current = 1";

    /// <summary>The current row of an earlier submission for one key the submission gives.</summary>
    internal const string SupersedeKeySql = """
        UPDATE fact_result
        SET is_current = 0, superseded_by_submission_id = @SubmissionId
        WHERE indicator_code = @IndicatorCode AND period_key = @PeriodKey AND is_current = 1 AND submission_id <> @SubmissionId
          AND EXISTS (SELECT 1 FROM fact_result s
                      WHERE s.submission_id = @SubmissionId AND s.indicator_code = @IndicatorCode AND s.period_key = @PeriodKey)
        """;

    internal const string MakeKeyCurrentSql = """
        UPDATE fact_result SET is_current = 1
        WHERE submission_id = @SubmissionId AND indicator_code = @IndicatorCode AND period_key = @PeriodKey
          AND is_current = 0 AND superseded_by_submission_id IS NULL
        """;

    internal const string DiscardResultsSql = "DELETE FROM fact_result WHERE submission_id = @SubmissionId";

    /// <summary>Returns how many earlier results were superseded.</summary>
    public static async Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, long submissionId, CompletionKeys keys, CancellationToken cancellationToken)
    {
        var parameters = new { SubmissionId = submissionId };
        if (!keys.AllJudged || keys.Replacing is null)
        {
            if (!keys.AllJudged && keys.WroteCurrent)
            {
                // Rows the gate judged and rows it did not, in one submission: all settled set-based, from not current.
                await connection.ExecuteAsync(new CommandDefinition(ResetOwnSql, parameters, transaction, cancellationToken: cancellationToken));
            }

            var superseded = await connection.ExecuteAsync(new CommandDefinition(SupersedeEarlierSql, parameters, transaction, cancellationToken: cancellationToken));
            if (!keys.AllJudged)
            {
                // Only rows the gate did not see can repeat a key within the submission.
                await connection.ExecuteAsync(new CommandDefinition(SupersedeRepeatsSql, parameters, transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(MakeCurrentSql, parameters, transaction, cancellationToken: cancellationToken));
            await DirectionOfTravelUpdate.ApplyAsync(
                connection, transaction, submissionId, keys.AllJudged ? keys.Rejudged : null, keys.AllJudged ? keys.Neighboured : null, cancellationToken);
            return superseded;
        }

        var count = await ByKeyAsync(connection, transaction, submissionId, keys.Replacing, [SupersedeKeySql, MakeKeyCurrentSql], cancellationToken);
        await DirectionOfTravelUpdate.ApplyAsync(connection, transaction, submissionId, keys.Rejudged, keys.Neighboured, cancellationToken);
        return count;
    }

    /// <summary>Runs each statement for every key in turn, prepared once; returns the rows the first changed.</summary>
    internal static async Task<int> ByKeyAsync(
        DbConnection connection, DbTransaction transaction, long submissionId, IReadOnlyList<(string Code, int PeriodKey)> keys, string[] statements, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var prepared = statements.Select(sql => RowStatement.Prepare(
            connection, transaction, sql, ("@SubmissionId", DbType.Int64), ("@IndicatorCode", DbType.String), ("@PeriodKey", DbType.Int32))).ToList();
        try
        {
            var changed = 0;
            foreach (var (code, periodKey) in keys)
            {
                for (var i = 0; i < prepared.Count; i++)
                {
                    prepared[i].Set(0, submissionId);
                    prepared[i].Set(1, code);
                    prepared[i].Set(2, periodKey);
                    var rows = await prepared[i].ExecuteAsync(cancellationToken);
                    changed += i == 0 ? rows : 0;
                }
            }

            return changed;
        }
        finally
        {
            prepared.ForEach(p => p.Dispose());
        }
    }

    /// <summary>A rejected submission keeps no results; nothing else has seen them, as they were never current.</summary>
    public static Task DiscardAsync(DbConnection connection, DbTransaction transaction, long submissionId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DiscardResultsSql, new { SubmissionId = submissionId }, transaction, cancellationToken: cancellationToken));
}
