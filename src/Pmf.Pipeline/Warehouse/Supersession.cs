using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Makes a submission's results current, set-based, once they are all in: per indicator and period,
/// the newest submission's row is current and the row it replaces stays as history, stamped with the
/// submission that superseded it. Indicators and periods the submission does not mention are untouched.
/// </summary>
internal static class Supersession
{
    /// <summary>Earlier current rows for an indicator and period this submission gives.</summary>
    internal const string SupersedeEarlierSql = """
        UPDATE fact_result
        SET is_current = 0, superseded_by_submission_id = @SubmissionId
        WHERE is_current = 1
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
        WHERE submission_id = @SubmissionId AND superseded_by_submission_id IS NULL
        """;

    internal const string DiscardResultsSql = "DELETE FROM fact_result WHERE submission_id = @SubmissionId";

    /// <summary>Returns how many earlier results were superseded.</summary>
    public static async Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, long submissionId, CancellationToken cancellationToken)
    {
        var parameters = new { SubmissionId = submissionId };
        var superseded = await connection.ExecuteAsync(new CommandDefinition(SupersedeEarlierSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SupersedeRepeatsSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(MakeCurrentSql, parameters, transaction, cancellationToken: cancellationToken));
        await DirectionOfTravelUpdate.ApplyAsync(connection, transaction, submissionId, cancellationToken);
        return superseded;
    }

    /// <summary>A rejected submission keeps no results; nothing else has seen them, as they were never current.</summary>
    public static Task DiscardAsync(DbConnection connection, DbTransaction transaction, long submissionId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DiscardResultsSql, new { SubmissionId = submissionId }, transaction, cancellationToken: cancellationToken));
}
