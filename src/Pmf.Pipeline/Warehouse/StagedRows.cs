using System.Data.Common;
using Dapper;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// What the Finance and Actions sheets' writers share: a submission's rows of one fact table are written not
/// current inside its transaction, then completed with its verdict: made current over the earlier rows of
/// the same key (which stay, superseded, as history), or deleted when the submission was rejected, so the
/// warehouse never holds half a file. Results stream through their own supersession (<see cref="Supersession"/>).
/// </summary>
/// <param name="connection">The submission's connection.</param>
/// <param name="transaction">Its transaction.</param>
/// <param name="submissionId">The submission.</param>
/// <param name="supersedeSql">Marks the earlier current rows of the keys this submission wrote as superseded by it.</param>
/// <param name="makeCurrentSql">Makes this submission's rows current.</param>
/// <param name="discardSql">Deletes this submission's rows.</param>
internal sealed class StagedRows(DbConnection connection, DbTransaction transaction, long submissionId, string supersedeSql, string makeCurrentSql, string discardSql)
{
    /// <summary>How many rows were written.</summary>
    public int Written { get; private set; }

    /// <summary>Counts one row written.</summary>
    public void Wrote() => Written++;

    /// <summary>
    /// Makes the rows current, superseding earlier ones, or deletes them when the submission is
    /// <paramref name="rejected"/>; returns how many earlier rows were superseded.
    /// </summary>
    public async Task<int> CompleteAsync(bool rejected, CancellationToken cancellationToken)
    {
        if (Written == 0)
        {
            return 0;
        }

        var parameters = new { SubmissionId = submissionId };
        if (rejected)
        {
            await connection.ExecuteAsync(new CommandDefinition(discardSql, parameters, transaction, cancellationToken: cancellationToken));
            return 0;
        }

        var superseded = await connection.ExecuteAsync(new CommandDefinition(supersedeSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(makeCurrentSql, parameters, transaction, cancellationToken: cancellationToken));
        return superseded;
    }
}
