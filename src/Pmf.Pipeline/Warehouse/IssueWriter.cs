using System.Data;
using System.Data.Common;
using System.Globalization;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>Writes a submission's quality issues into <c>dq_issue</c>, one prepared command reused for every issue.</summary>
internal sealed class IssueWriter : IAsyncDisposable
{
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
    }

    /// <summary>Issues of severity Warning written so far.</summary>
    public int Warnings { get; private set; }

    /// <summary>Issues of severity Error written so far.</summary>
    public int Errors { get; private set; }

    public async Task WriteAsync(QualityIssue issue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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

        if (issue.Severity == Severity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }
}
