using Dapper;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// Finds the verdict an earlier run committed on this very file (same place, same bytes, same arrival)
/// but did not finish: stopped after the commit and before the file moved. The retry finishes that
/// submission (moves the file, writes and sends its report) instead of loading the bytes again as a
/// duplicate of themselves, so the sender gets the row-by-row report of their file.
/// </summary>
internal sealed class UnfinishedReturn(WarehouseDatabase warehouse, TimeProvider time)
{
    internal const string CandidatesSql = """
        SELECT submission_id AS SubmissionId, verdict AS Verdict, duplicate_of_submission_id AS DuplicateOf, rows_read AS RowsRead,
               rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected, warnings AS Warnings, errors AS Errors, received_at AS ReceivedAt
        FROM submission
        WHERE content_hash = @ContentHash AND blob_path = @BlobPath AND source_kind = 'Return' AND verdict <> 'Loading'
        ORDER BY submission_id DESC
        """;

    // A submission recorded by a version that owed the report after the commit: owe it now if it never was.
    internal const string OweIfMissingSql = """
        INSERT INTO sender_feedback (submission_id, owed_since, sent_at, attempts, last_error)
        SELECT @SubmissionId, @Now, NULL, 0, NULL
        WHERE NOT EXISTS (SELECT 1 FROM sender_feedback WHERE submission_id = @SubmissionId)
        """;

    /// <summary>The earlier, unfinished verdict on this file, or null when there is none.</summary>
    public Task<SubmissionLoadSummary?> FindAsync(ReturnPath path, StoredFileInfo info, string contentHash, CancellationToken cancellationToken) =>
        FindAsync(path.Stored.ToString(), contentHash, info.LastModified, cancellationToken);

    /// <summary>The earlier verdict recorded for this drop (the same bytes at <paramref name="blobPath"/>, arrived at <paramref name="receivedAt"/>), or null.</summary>
    public async Task<SubmissionLoadSummary?> FindAsync(string blobPath, string contentHash, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var candidates = await connection.QueryAsync<Row>(new CommandDefinition(
            CandidatesSql, new { ContentHash = contentHash, BlobPath = blobPath }, cancellationToken: cancellationToken));

        // The same arrival, to the millisecond (datetime2(3) keeps no more): a later drop of the same bytes
        // under the same name is a new submission, judged as a duplicate in the ordinary way.
        var arrived = receivedAt.UtcDateTime.Ticks;
        var row = candidates.FirstOrDefault(c => Math.Abs(c.ReceivedAt.Ticks - arrived) < TimeSpan.TicksPerMillisecond);
        if (row is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            OweIfMissingSql, new { row.SubmissionId, Now = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        return new SubmissionLoadSummary(
            row.SubmissionId, WarehouseText.ParseVerdict(row.Verdict), row.DuplicateOf, row.RowsRead, row.RowsLoaded, row.RowsRejected, row.Warnings, row.Errors, 0);
    }

    private sealed class Row
    {
        public long SubmissionId { get; init; }

        public string Verdict { get; init; } = "";

        public long? DuplicateOf { get; init; }

        public int RowsRead { get; init; }

        public int RowsLoaded { get; init; }

        public int RowsRejected { get; init; }

        public int Warnings { get; init; }

        public int Errors { get; init; }

        public DateTime ReceivedAt { get; init; }
    }
}
