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

    private readonly HashSet<int> _yearsEnsured = [];

    /// <summary>Updates written so far.</summary>
    public int Written { get; private set; }

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

        Written++;
    }

    /// <summary>Makes the submission's updates current, superseding earlier ones; returns how many were superseded.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        if (Written == 0)
        {
            return 0;
        }

        var parameters = new { SubmissionId = submissionId };
        var superseded = await connection.ExecuteAsync(new CommandDefinition(SupersedeEarlierProgressSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(MakeProgressCurrentSql, parameters, transaction, cancellationToken: cancellationToken));
        return superseded;
    }

    /// <summary>Removes the submission's updates (it was rejected whole).</summary>
    public Task DiscardAsync(CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DiscardProgressSql, new { SubmissionId = submissionId }, transaction, cancellationToken: cancellationToken));
}
