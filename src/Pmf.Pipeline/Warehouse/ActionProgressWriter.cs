using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Writes a submission's accepted action updates into <c>fact_action_progress</c>, inside the submission's
/// transaction: written not current, then, when the submission is not rejected, made current over any
/// earlier submission's update for the same action and period (which stays, superseded, as history).
/// </summary>
internal sealed class ActionProgressWriter(DbConnection connection, DbTransaction transaction, long submissionId, DateTime loadedAtUtc)
{
    internal const string InsertProgressSql = """
        INSERT INTO fact_action_progress (action_key, action_code, period_key, council_key, service_key, status, percent_complete,
                                          commentary, revised_date, revision_reason, completion_date, delivery_rag, delivery_label,
                                          submission_id, sheet_name, row_number, is_current, loaded_at)
        SELECT a.action_key, a.action_code, @PeriodKey, a.council_key, a.service_key, @Status, @PercentComplete,
               @Commentary, @RevisedDate, @RevisionReason, @CompletionDate, @DeliveryRag, @DeliveryLabel,
               @SubmissionId, @SheetName, @RowNumber, 0, @LoadedAt
        FROM dim_action AS a
        WHERE a.action_code = @ActionCode
        """;

    internal const string SupersedeEarlierProgressSql = """
        UPDATE fact_action_progress
        SET is_current = 0, superseded_by_submission_id = @SubmissionId
        WHERE is_current = 1 AND submission_id <> @SubmissionId
          AND EXISTS (SELECT 1 FROM fact_action_progress s
                      WHERE s.submission_id = @SubmissionId
                        AND s.action_code = fact_action_progress.action_code
                        AND s.period_key = fact_action_progress.period_key)
        """;

    internal const string MakeProgressCurrentSql = "UPDATE fact_action_progress SET is_current = 1 WHERE submission_id = @SubmissionId";

    internal const string DiscardProgressSql = "DELETE FROM fact_action_progress WHERE submission_id = @SubmissionId";

    private readonly StagedRows _rows = new(connection, transaction, submissionId, SupersedeEarlierProgressSql, MakeProgressCurrentSql, DiscardProgressSql);
    private readonly HashSet<int> _yearsEnsured = [];

    /// <summary>Updates written so far.</summary>
    public int Written => _rows.Written;

    /// <exception cref="WarehouseException">The action is not in the catalogue the warehouse holds.</exception>
    public async Task WriteAsync(AcceptedActionProgress progress, CancellationToken cancellationToken)
    {
        if (_yearsEnsured.Add(progress.Period.Year.StartYear))
        {
            await PeriodDimension.EnsureAsync(connection, transaction, progress.Period.Year, progress.Period.Year, cancellationToken);
        }

        var written = await connection.ExecuteAsync(new CommandDefinition(
            InsertProgressSql,
            new
            {
                progress.ActionCode,
                PeriodKey = progress.Period.SortKey,
                progress.Status,
                progress.PercentComplete,
                progress.Commentary,
                progress.RevisedDate,
                progress.RevisionReason,
                progress.CompletionDate,
                DeliveryRag = WarehouseText.Rag(progress.Delivery.Rag),
                DeliveryLabel = progress.Delivery.Label,
                SubmissionId = submissionId,
                SheetName = CommandParameters.Clip(progress.Sheet, 128),
                RowNumber = progress.Row,
                LoadedAt = loadedAtUtc,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (written != 1)
        {
            throw new WarehouseException($"Sheet {progress.Sheet}, row {progress.Row}: action {progress.ActionCode} is not in the catalogue the warehouse holds, so the submission was not loaded.", null);
        }

        _rows.Wrote();
    }

    /// <summary>
    /// Makes the submission's updates current, superseding earlier ones, or removes them when it was
    /// <paramref name="rejected"/> whole; returns how many were superseded.
    /// </summary>
    public Task<int> CompleteAsync(bool rejected, CancellationToken cancellationToken) => _rows.CompleteAsync(rejected, cancellationToken);
}
