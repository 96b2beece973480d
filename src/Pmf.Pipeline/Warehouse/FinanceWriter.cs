using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Finance;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Writes a submission's Finance rows into <c>fact_finance</c> inside its transaction, not yet current;
/// completing makes them current and supersedes the earlier row of each council, service and quarter
/// (kept as history), or, for a rejected submission, deletes them: never half a file.
/// </summary>
internal sealed class FinanceWriter(DbConnection connection, DbTransaction transaction, long submissionId, DateTime loadedAtUtc)
{
    internal const string InsertSql = """
        INSERT INTO fact_finance (council_key, service_key, period_key, budget, forecast_outturn, variance, commentary,
                                  submission_id, sheet_name, row_number, is_current, superseded_by_submission_id, loaded_at)
        SELECT c.council_key, s.service_key, @PeriodKey, @Budget, @ForecastOutturn, @Variance, @Commentary,
               @SubmissionId, @Sheet, @Row, 0, NULL, @LoadedAt
        FROM dim_council c CROSS JOIN dim_service s
        WHERE c.council_code = @Council AND s.service_code = @Service
        """;

    internal const string SupersedeSql = """
        UPDATE fact_finance
        SET is_current = 0, superseded_by_submission_id = @SubmissionId
        WHERE is_current = 1
          AND EXISTS (SELECT 1 FROM fact_finance n
                      WHERE n.submission_id = @SubmissionId AND n.council_key = fact_finance.council_key
                        AND n.service_key = fact_finance.service_key AND n.period_key = fact_finance.period_key)
        """;

    internal const string MakeCurrentSql = """
        UPDATE fact_finance SET is_current = 1 WHERE submission_id = @SubmissionId
        """;

    internal const string DiscardSql = """
        DELETE FROM fact_finance WHERE submission_id = @SubmissionId
        """;

    private readonly StagedRows _rows = new(connection, transaction, submissionId, SupersedeSql, MakeCurrentSql, DiscardSql);
    private bool _periodsEnsured;

    /// <summary>How many rows were written.</summary>
    public int Written => _rows.Written;

    public async Task WriteAsync(FinanceLine line, CancellationToken cancellationToken)
    {
        if (!_periodsEnsured)
        {
            await PeriodDimension.EnsureAsync(connection, transaction, line.Period.Year.Previous(), line.Period.Year.NextYear(), cancellationToken);
            _periodsEnsured = true;
        }

        var written = await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                PeriodKey = line.Period.SortKey,
                line.Budget,
                line.ForecastOutturn,
                line.Variance,
                line.Commentary,
                SubmissionId = submissionId,
                line.Sheet,
                line.Row,
                LoadedAt = loadedAtUtc,
                Council = line.CouncilCode,
                Service = line.ServiceCode,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (written != 1)
        {
            throw new WarehouseException($"{line.Sheet} row {line.Row}: the finance row for {line.ServiceCode} ({line.CouncilCode}) {line.Period.Key} could not be written: the council or service is not in the warehouse.", null);
        }

        _rows.Wrote();
    }

    /// <summary>Makes the rows current (superseding earlier ones), or deletes them when the submission is <paramref name="rejected"/>.</summary>
    public Task<int> CompleteAsync(bool rejected, CancellationToken cancellationToken) => _rows.CompleteAsync(rejected, cancellationToken);
}
