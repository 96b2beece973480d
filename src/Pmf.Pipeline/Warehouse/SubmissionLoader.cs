using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Loads one submission (a return or a pull) into the warehouse in one transaction, so the warehouse
/// never holds half a file: its <c>submission</c> row, its results (streamed), its quality issues
/// (streamed), supersession of earlier values and direction of travel. A submission whose content was
/// already loaded is recorded as a <see cref="SubmissionVerdict.Duplicate"/> pointing at the original,
/// and changes nothing else, whatever that earlier verdict was: the same rejected bytes dropped again
/// are told they were already judged, and add no issues. Only a catalogue loaded since a rejection
/// lets the same bytes be judged afresh (a missing indicator may have been added), and a file the
/// pipeline itself failed on (DQ004) is judged afresh when sent again. A return's report to its sender
/// is recorded as owed (<c>sender_feedback</c>) in the same transaction as its verdict, so no crash can
/// leave a verdict without its report.
/// </summary>
/// <param name="database">The warehouse.</param>
/// <param name="time">The clock for <c>processed_at</c> and <c>loaded_at</c>.</param>
public sealed class SubmissionLoader(WarehouseDatabase database, TimeProvider time)
{
    internal const string LoadingVerdict = "Loading";

    internal const string FindDuplicateSql = """
        SELECT submission_id AS SubmissionId, file_name AS FileName, verdict AS Verdict, processed_at AS ProcessedAt
        FROM submission
        WHERE submission_id = (SELECT MIN(o.submission_id) FROM submission o
                               WHERE o.content_hash = @ContentHash
                                 AND (o.verdict IN ('Accepted', 'AcceptedWithWarnings')
                                      OR (o.verdict = 'Rejected'
                                          AND NOT EXISTS (SELECT 1 FROM catalogue_load c WHERE c.loaded_at > o.processed_at)
                                          AND NOT EXISTS (SELECT 1 FROM dq_issue q WHERE q.submission_id = o.submission_id AND q.rule_id = 'DQ004'))))
        """;

    internal const string InsertSubmissionSql = """
        INSERT INTO submission (content_hash, source_kind, service_code, source_name, file_name, blob_path, sender,
                                received_at, processed_at, verdict, verdict_reason, rows_read, rows_loaded, rows_rejected,
                                warnings, errors, duplicate_of_submission_id)
        VALUES (@ContentHash, @SourceKind, @ServiceCode, @SourceName, @FileName, @BlobPath, @Sender,
                @ReceivedAt, @ProcessedAt, @Verdict, @VerdictReason, 0, 0, 0, 0, 0, @DuplicateOf)
        """;

    internal const string MarkDuplicateSql = """
        UPDATE submission SET verdict = 'Duplicate', verdict_reason = @VerdictReason, duplicate_of_submission_id = @DuplicateOf
        WHERE submission_id = @SubmissionId
        """;

    /// <summary>
    /// The submission that first brought <paramref name="contentHash"/> and still stands (accepted, or rejected
    /// under the current catalogue), or null; lets a job skip parsing.
    /// </summary>
    /// <param name="contentHash">The content hash of the incoming file.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<DuplicateSubmission?> FindDuplicateAsync(string contentHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindDuplicateAsync(connection, null, contentHash, cancellationToken);
    }

    /// <summary>
    /// Starts loading <paramref name="incoming"/>: opens the transaction and writes its submission row.
    /// When the content was already loaded, the Duplicate row is committed at once and the returned load
    /// reads nothing (<see cref="SubmissionLoad.DuplicateOf"/> says so).
    /// </summary>
    /// <param name="incoming">Where the submission came from.</param>
    /// <param name="cancellationToken">Stops the work; nothing is kept.</param>
    /// <returns>The load in progress; dispose it, and it rolls back unless completed.</returns>
    public async Task<SubmissionLoad> BeginAsync(IncomingSubmission incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var connection = await database.OpenAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var loadedAt = time.GetUtcNow().UtcDateTime;

            // The row is written before the duplicate check: the write takes the warehouse's write lock
            // (SQLite), so a second process loading the same bytes waits here and then sees the first
            // one's committed submission instead of loading them again.
            var id = await database.Dialect.InsertReturningIdAsync(
                connection,
                InsertSubmissionSql,
                SubmissionRow(incoming, loadedAt, null),
                transaction,
                cancellationToken);
            var owesReport = incoming.SourceKind == SubmissionSourceKind.Return;
            var original = await FindDuplicateAsync(connection, transaction, incoming.ContentHash, cancellationToken);
            if (original is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    MarkDuplicateSql,
                    new { VerdictReason = DuplicateReason(original), DuplicateOf = original.SubmissionId, SubmissionId = id },
                    transaction,
                    cancellationToken: cancellationToken));
                if (owesReport)
                {
                    await SubmissionLoad.OweReportAsync(connection, transaction, id, loadedAt, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return SubmissionLoad.ForDuplicate(connection, transaction, new SubmissionLoadSummary(id, SubmissionVerdict.Duplicate, original.SubmissionId, 0, 0, 0, 0, 0, 0));
            }

            var indicators = await IndicatorKeys.LoadAsync(connection, transaction, cancellationToken);
            return new SubmissionLoad(connection, transaction, id, indicators, loadedAt, time, owesReport);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<DuplicateSubmission?> FindDuplicateAsync(DbConnection connection, DbTransaction? transaction, string contentHash, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<DuplicateRow>(
            new CommandDefinition(FindDuplicateSql, new { ContentHash = contentHash }, transaction, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new DuplicateSubmission(row.SubmissionId, row.FileName, WarehouseText.ParseVerdict(row.Verdict), new DateTimeOffset(DateTime.SpecifyKind(row.ProcessedAt, DateTimeKind.Utc)));
    }

    private static object SubmissionRow(IncomingSubmission incoming, DateTime now, DuplicateSubmission? original) => new
    {
        incoming.ContentHash,
        SourceKind = incoming.SourceKind.ToString(),
        incoming.ServiceCode,
        incoming.SourceName,
        incoming.FileName,
        incoming.BlobPath,
        incoming.Sender,
        ReceivedAt = incoming.ReceivedAt.UtcDateTime,
        ProcessedAt = now,
        Verdict = original is null ? LoadingVerdict : nameof(SubmissionVerdict.Duplicate),
        VerdictReason = original is null ? null : DuplicateReason(original),
        DuplicateOf = original?.SubmissionId,
    };

    private static string DuplicateReason(DuplicateSubmission original) =>
            original.Verdict == SubmissionVerdict.Rejected
                ? string.Create(CultureInfo.InvariantCulture, $"The same file was already rejected as submission {original.SubmissionId} ({original.FileName}); nothing was changed. Correct the file as that report says and send it again.")
                : string.Create(CultureInfo.InvariantCulture, $"The same file was already loaded as submission {original.SubmissionId} ({original.FileName}); nothing was changed.");

    private sealed class DuplicateRow
    {
        public long SubmissionId { get; init; }

        public string FileName { get; init; } = "";

        public string Verdict { get; init; } = "";

        public DateTime ProcessedAt { get; init; }
    }
}
