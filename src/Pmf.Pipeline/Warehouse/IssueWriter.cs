using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Writes a submission's quality issues into <c>dq_issue</c>, one prepared command reused for every issue:
/// the first <see cref="MaxStoredIssues"/> of them. Every issue is counted by rule and severity
/// (<c>dq_issue_count</c>), so a file of a million bad rows costs a thousand rows, not a million, and
/// the report still says how many more there were.
/// </summary>
internal sealed class IssueWriter : IAsyncDisposable
{
    /// <summary>Issues stored row by row for one submission; the rest are only counted.</summary>
    public const int MaxStoredIssues = 1_000;

    internal const string InsertCountSql = """
        INSERT INTO dq_issue_count (submission_id, rule_id, severity, issues, issues_stored)
        VALUES (@SubmissionId, @RuleId, @Severity, @Issues, @IssuesStored)
        """;

    internal const string InsertIssueSql = """
        INSERT INTO dq_issue (submission_id, sheet_name, row_number, column_name, rule_id, severity, message,
                              raw_value, indicator_code, period_code)
        VALUES (@SubmissionId, @SheetName, @RowNumber, @ColumnName, @RuleId, @Severity, @Message,
                @RawValue, @IndicatorCode, @PeriodCode)
        """;

    // Slots of the insert, in the order of its parameters.
    private const int SheetName = 0, RowNumber = 1, ColumnName = 2, RuleId = 3, SeverityName = 4, Message = 5, RawValue = 6,
        IndicatorCode = 7, PeriodCode = 8, SubmissionId = 9;

    private readonly RowStatement _insert;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _submissionId;
    private readonly Dictionary<(string RuleId, Severity Severity), (int Issues, int Stored)> _counts = [];
    private (string? Sheet, int Row) _lastErrorRow;

    public IssueWriter(DbConnection connection, DbTransaction transaction, long submissionId)
    {
        _insert = RowStatement.Prepare(
            connection,
            transaction,
            InsertIssueSql,
            ("@SheetName", DbType.String),
            ("@RowNumber", DbType.Int32),
            ("@ColumnName", DbType.String),
            ("@RuleId", DbType.String),
            ("@Severity", DbType.String),
            ("@Message", DbType.String),
            ("@RawValue", DbType.String),
            ("@IndicatorCode", DbType.String),
            ("@PeriodCode", DbType.String),
            ("@SubmissionId", DbType.Int64));
        _insert.Set(SubmissionId, submissionId);
        _connection = connection;
        _transaction = transaction;
        _submissionId = submissionId;
    }

    /// <summary>Issues written so far, stored or only counted.</summary>
    public int Total => Warnings + Errors;

    /// <summary>True when some issues were only counted, not stored.</summary>
    public bool Capped => Total > MaxStoredIssues;

    /// <summary>
    /// Rows with at least one error, counted as they came (a row's issues arrive together): what
    /// <c>dq_issue</c> can no longer say once issues are capped.
    /// </summary>
    public int RowsWithErrors { get; private set; }

    /// <summary>Issues of severity Warning written so far.</summary>
    public int Warnings { get; private set; }

    /// <summary>Issues of severity Error written so far.</summary>
    public int Errors { get; private set; }

    public async Task WriteAsync(QualityIssue issue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (CommandParameters.Clip(issue.RuleId, 50) ?? "", issue.Severity);
        var (issues, stored) = _counts.GetValueOrDefault(key);
        var store = Total < MaxStoredIssues;
        _counts[key] = (issues + 1, stored + (store ? 1 : 0));
        Count(issue);
        if (store)
        {
            await InsertAsync(issue, cancellationToken);
        }
    }

    /// <summary>Writes the counts per rule; called once, when the load completes.</summary>
    public async Task WriteCountsAsync(CancellationToken cancellationToken)
    {
        foreach (var ((ruleId, severity), (issues, stored)) in _counts)
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                InsertCountSql,
                new { SubmissionId = _submissionId, RuleId = ruleId, Severity = severity.ToString(), Issues = issues, IssuesStored = stored },
                _transaction,
                cancellationToken: cancellationToken));
        }
    }

    private void Count(QualityIssue issue)
    {
        if (issue.Severity == Severity.Error)
        {
            Errors++;
            if (issue.Row is { } row && (issue.Sheet, row) != _lastErrorRow)
            {
                _lastErrorRow = (issue.Sheet, row);
                RowsWithErrors++;
            }
        }
        else
        {
            Warnings++;
        }
    }

    private async Task InsertAsync(QualityIssue issue, CancellationToken cancellationToken)
    {
        // Clipped to the SQL Server column sizes: a pasted essay in one cell must not fail the whole load.
        _insert.Set(SheetName, CommandParameters.Clip(issue.Sheet, 128));
        _insert.Set(RowNumber, issue.Row);
        _insert.Set(ColumnName, CommandParameters.Clip(issue.Column, 128));
        _insert.Set(RuleId, CommandParameters.Clip(issue.RuleId, 50));
        _insert.Set(SeverityName, issue.Severity.ToString());
        _insert.Set(Message, CommandParameters.Clip(issue.Message, 4000));
        _insert.Set(RawValue, CommandParameters.Clip(issue.RawValue, 4000));
        _insert.Set(IndicatorCode, CommandParameters.Clip(issue.IndicatorCode, 50));
        _insert.Set(PeriodCode, CommandParameters.Clip(issue.PeriodKey, 20));
        try
        {
            await _insert.ExecuteAsync(cancellationToken);
        }
        catch (DbException error)
        {
            var where = issue.Row is { } row ? string.Create(CultureInfo.InvariantCulture, $"row {row} of sheet {issue.Sheet}") : "the file";
            throw new WarehouseException($"Issue {issue.RuleId} for {where} could not be written: {error.Message}", error);
        }
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }
}
