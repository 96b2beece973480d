using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// The record of every message: an <c>alert_log</c> row whether it went or not, and, only when it
/// went, the follow-ups it carried marked as notified. A failed message marks nothing, so its items
/// are owed again by the next sweep.
/// </summary>
internal static class AlertLog
{
    internal const string InsertSql = """
        INSERT INTO alert_log (created_at, transport, recipients, subject, follow_up_ids, outcome, error, submission_id)
        VALUES (@CreatedAt, @Transport, @Recipients, @Subject, @FollowUpIds, @Outcome, @Error, @SubmissionId)
        """;

    internal const string MarkNotifiedSql = """
        UPDATE follow_up SET notified_at = @Now, notified_level = escalation_level, notified_status = status
        WHERE follow_up_id = @Id
        """;

    public static async Task WriteAsync(
        DbConnection connection, DateTimeOffset at, string transport, DigestMessage message, string? error, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(
            connection, transaction, at, transport, message.Recipients, message.Message.Subject ?? "", string.Join(",", message.FollowUpIds), null, error, cancellationToken);
        if (error is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                MarkNotifiedSql, message.FollowUpIds.Select(id => new { Now = at.UtcDateTime, Id = id }), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Logs one message about a submission (a sender's report) and, in the same transaction, what the
    /// caller records of it (<paramref name="record"/>: sent, or one more attempt).
    /// </summary>
    public static async Task WriteAsync(
        DbConnection connection, DateTimeOffset at, string transport, long submissionId, IReadOnlyList<string> recipients, string subject, string? error,
        Func<DbTransaction, string?, Task> record, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, at, transport, recipients, subject, "", submissionId, error, cancellationToken);
        await record(transaction, error is null ? null : Clip(error, 4000));
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset at, string transport, IEnumerable<string> recipients, string subject,
        string followUpIds, long? submissionId, string? error, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            CreatedAt = at.UtcDateTime,
            Transport = transport,
            Recipients = string.Join(", ", recipients),
            Subject = Clip(subject, 400),
            FollowUpIds = followUpIds,
            Outcome = error is null ? "Sent" : "Failed",
            Error = error is null ? null : Clip(error, 4000),
            SubmissionId = submissionId,
        }, transaction, cancellationToken: cancellationToken));

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
