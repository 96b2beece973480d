using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// One submission being loaded, inside its transaction: add results, then issues, both streamed, then
/// complete with the gate's outcome. Disposing without completing rolls everything back, and so does
/// any failure on the way: the warehouse never holds half a file.
/// </summary>
public sealed class SubmissionLoad : IAsyncDisposable
{
    internal const string RejectedRowsSql = """
        SELECT COUNT(*) FROM (SELECT DISTINCT sheet_name, row_number FROM dq_issue
                              WHERE submission_id = @SubmissionId AND severity = 'Error' AND row_number IS NOT NULL) rejected
        """;

    internal const string CompleteSubmissionSql = """
        UPDATE submission
        SET verdict = @Verdict, verdict_reason = @Reason, processed_at = @ProcessedAt, rows_read = @RowsRead,
            rows_loaded = @RowsLoaded, rows_rejected = @RowsRejected, warnings = @Warnings, errors = @Errors
        WHERE submission_id = @SubmissionId
        """;

    internal const string WithdrawResultSql = """
        DELETE FROM fact_result
        WHERE submission_id = @SubmissionId AND indicator_code = @IndicatorCode
          AND period_key = (SELECT period_key FROM dim_period WHERE period_code = @PeriodKey)
        """;

    internal const string OweReportSql = """
        INSERT INTO sender_feedback (submission_id, owed_since, sent_at, attempts, last_error)
        VALUES (@SubmissionId, @Now, NULL, 0, NULL)
        """;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly TimeProvider? _time;
    private readonly ResultWriter? _results;
    private readonly IssueWriter? _issues;
    private readonly FinanceWriter? _finance;
    private readonly ActionProgressWriter? _actions;
    private readonly bool _owesReport;
    private SubmissionLoadSummary? _summary;
    private bool _failed;

    internal SubmissionLoad(DbConnection connection, DbTransaction transaction, long submissionId, IndicatorKeys indicators, DateTime loadedAtUtc, TimeProvider time, bool owesReport)
    {
        _owesReport = owesReport;
        _connection = connection;
        _transaction = transaction;
        _time = time;
        SubmissionId = submissionId;
        _results = new ResultWriter(connection, transaction, indicators, submissionId, loadedAtUtc);
        _issues = new IssueWriter(connection, transaction, submissionId);
        _finance = new FinanceWriter(connection, transaction, submissionId, loadedAtUtc);
        _actions = new ActionProgressWriter(connection, transaction, submissionId, loadedAtUtc);
    }

    private SubmissionLoad(DbConnection connection, DbTransaction transaction, SubmissionLoadSummary duplicate)
    {
        _connection = connection;
        _transaction = transaction;
        SubmissionId = duplicate.SubmissionId;
        DuplicateOf = duplicate.DuplicateOfSubmissionId;
        _summary = duplicate;
    }

    /// <summary>The submission row this load writes.</summary>
    public long SubmissionId { get; }

    /// <summary>
    /// For content already loaded: the original submission. The Duplicate row is already committed;
    /// adding reads nothing and completing returns its summary.
    /// </summary>
    public long? DuplicateOf { get; }

    /// <summary>
    /// Adds one result. For a gate that hands on results and issues row by row, so neither has to be
    /// buffered; interleave freely with <see cref="AddIssueAsync"/>.
    /// Each result's dimension keys are found for its period.
    /// </summary>
    public async Task AddResultAsync(AcceptedResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (StartStep() is not { } writer)
        {
            return;
        }

        await writer.WriteAsync(result, cancellationToken);
        _failed = false;
    }

    /// <summary>Adds one Finance row (a service's budget position for a quarter), current once the submission completes.</summary>
    public async Task AddFinanceAsync(Finance.FinanceLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (StartStep() is null)
        {
            return;
        }

        await _finance!.WriteAsync(line, cancellationToken);
        _failed = false;
    }

    /// <summary>Adds one accepted update on a delivery-plan action (a row of the return's Actions sheet).</summary>
    public async Task AddActionProgressAsync(AcceptedActionProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (StartStep() is null)
        {
            return;
        }

        await _actions!.WriteAsync(progress, cancellationToken);
        _failed = false;
    }

    /// <summary>Adds one data-quality issue.</summary>
    public async Task AddIssueAsync(QualityIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (StartStep() is null)
        {
            return;
        }

        await _issues!.WriteAsync(issue, cancellationToken);
        _failed = false;
    }

    /// <summary>
    /// Takes back results already added that the gate later withdrew (two rows for one indicator
    /// and period that disagree are both rejected, and the first was handed on before the second
    /// was seen).
    /// </summary>
    public async Task WithdrawAsync(IEnumerable<WithdrawnResult> withdrawn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        if (StartStep() is not { } writer)
        {
            return;
        }

        foreach (var item in withdrawn)
        {
            writer.Withdrawn(await _connection.ExecuteAsync(new CommandDefinition(
                WithdrawResultSql, new { SubmissionId, item.IndicatorCode, item.PeriodKey }, _transaction, cancellationToken: cancellationToken)));
            if (PeriodParser.Parse(item.PeriodKey).Period is { } period)
            {
                writer.Keys.Withdrawn(item.IndicatorCode, period);
            }
        }

        _failed = false;
    }

    /// <summary>
    /// Records the gate's outcome and commits, with the sender's report owed when the submission is a
    /// return. A rejected submission keeps its row and issues and no results; otherwise its results become current, superseding earlier values indicator by indicator,
    /// and direction of travel is judged for them and for the rows that compare with them.
    /// </summary>
    /// <param name="outcome">The gate's verdict (not Duplicate) and the rows it read.</param>
    /// <param name="cancellationToken">Stops the load; nothing is kept.</param>
    /// <returns>What was loaded.</returns>
    public async Task<SubmissionLoadSummary> CompleteAsync(SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (DuplicateOf is not null)
        {
            return _summary!;
        }

        if (outcome.Verdict == SubmissionVerdict.Duplicate)
        {
            throw new ArgumentException("Only the loader decides that a submission is a duplicate.", nameof(outcome));
        }

        if (StartStep() is not { } results)
        {
            throw new InvalidOperationException("This submission is already complete.");
        }

        var rejected = outcome.Verdict == SubmissionVerdict.Rejected;
        int superseded = 0;
        if (rejected)
        {
            await Supersession.DiscardAsync(_connection, _transaction, SubmissionId, cancellationToken);
        }
        else
        {
            superseded = await Supersession.ApplyAsync(_connection, _transaction, SubmissionId, results.Keys, cancellationToken);
        }

        superseded += await _actions!.CompleteAsync(rejected, cancellationToken);
        await _finance!.CompleteAsync(rejected, cancellationToken);
        if (!rejected)
        {
            // A change to a published figure, result or finance, is recorded as a restatement in the same transaction.
            await Publication.RestatementRecord.RecordAsync(_connection, _transaction, SubmissionId, _time!.GetUtcNow(), cancellationToken);
            if (_finance.Written > 0)
            {
                await Publication.FinanceRestatementRecord.RecordAsync(_connection, _transaction, SubmissionId, _time!.GetUtcNow(), cancellationToken);
            }
        }

        await _issues!.WriteCountsAsync(cancellationToken);
        var rowsRejected = rejected ? outcome.RowsRead
            : _issues.Capped ? _issues.RowsWithErrors
            : await _connection.ExecuteScalarAsync<int>(new CommandDefinition(RejectedRowsSql, new { SubmissionId }, _transaction, cancellationToken: cancellationToken));
        var summary = new SubmissionLoadSummary(
            SubmissionId, outcome.Verdict, null, outcome.RowsRead, rejected ? 0 : results.Written + _finance.Written + _actions!.Written, rowsRejected, _issues!.Warnings, _issues.Errors, superseded);
        await _connection.ExecuteAsync(new CommandDefinition(
            CompleteSubmissionSql,
            new
            {
                Verdict = summary.Verdict.ToString(),
                outcome.Reason,
                ProcessedAt = _time!.GetUtcNow().UtcDateTime,
                summary.RowsRead,
                summary.RowsLoaded,
                summary.RowsRejected,
                summary.Warnings,
                summary.Errors,
                SubmissionId,
            },
            _transaction,
            cancellationToken: cancellationToken));
        if (_owesReport)
        {
            // Owed in the verdict's own transaction: a crash after the commit still leaves the report to send.
            await OweReportAsync(_connection, _transaction, SubmissionId, _time!.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        _summary = summary;
        _failed = false;
        return summary;
    }

    /// <summary>Rolls back unless completed, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_results is not null)
        {
            await _results.DisposeAsync();
        }

        if (_issues is not null)
        {
            await _issues.DisposeAsync();
        }

        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Records, inside <paramref name="transaction"/>, that the submission's report is owed to its sender.</summary>
    internal static Task OweReportAsync(DbConnection connection, DbTransaction transaction, long submissionId, DateTime nowUtc, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(OweReportSql, new { SubmissionId = submissionId, Now = nowUtc }, transaction, cancellationToken: cancellationToken));

    internal static SubmissionLoad ForDuplicate(DbConnection connection, DbTransaction transaction, SubmissionLoadSummary summary) =>
        new(connection, transaction, summary);

    /// <summary>
    /// Null for a duplicate (nothing to do). A step is presumed to fail until it ends normally, so a load
    /// that threw part-way can never be completed into a half-file commit.
    /// </summary>
    private ResultWriter? StartStep()
    {
        if (DuplicateOf is not null)
        {
            return null;
        }

        if (_summary is not null)
        {
            throw new InvalidOperationException("This submission is already complete.");
        }

        if (_failed)
        {
            throw new InvalidOperationException("An earlier step of this load failed; it can only be disposed, which rolls it back.");
        }

        _failed = true;
        return _results;
    }
}
