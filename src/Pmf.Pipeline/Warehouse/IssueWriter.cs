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

    private readonly DbCommand _insert;
    private readonly DbParameter _sheet, _row, _column, _rule, _severity, _message, _raw, _indicator, _period;
    private bool _prepared;

    public IssueWriter(DbConnection connection, DbTransaction transaction, long submissionId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = InsertIssueSql;
        CommandParameters.Set(CommandParameters.Add(_insert, "@SubmissionId", DbType.Int64), submissionId);
        _sheet = CommandParameters.Add(_insert, "@SheetName", DbType.String);
        _row = CommandParameters.Add(_insert, "@RowNumber", DbType.Int32);
        _column = CommandParameters.Add(_insert, "@ColumnName", DbType.String);
        _rule = CommandParameters.Add(_insert, "@RuleId", DbType.String);
        _severity = CommandParameters.Add(_insert, "@Severity", DbType.String);
        _message = CommandParameters.Add(_insert, "@Message", DbType.String);
        _raw = CommandParameters.Add(_insert, "@RawValue", DbType.String);
        _indicator = CommandParameters.Add(_insert, "@IndicatorCode", DbType.String);
        _period = CommandParameters.Add(_insert, "@PeriodCode", DbType.String);
    }

    /// <summary>Issues of severity Warning written so far.</summary>
    public int Warnings { get; private set; }

    /// <summary>Issues of severity Error written so far.</summary>
    public int Errors { get; private set; }

    public async Task WriteAsync(QualityIssue issue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Clipped to the SQL Server column sizes: a pasted essay in one cell must not fail the whole load.
        CommandParameters.Set(_sheet, CommandParameters.Clip(issue.Sheet, 128));
        CommandParameters.Set(_row, issue.Row);
        CommandParameters.Set(_column, CommandParameters.Clip(issue.Column, 128));
        CommandParameters.Set(_rule, CommandParameters.Clip(issue.RuleId, 50));
        CommandParameters.Set(_severity, issue.Severity.ToString());
        CommandParameters.Set(_message, CommandParameters.Clip(issue.Message, 4000));
        CommandParameters.Set(_raw, CommandParameters.Clip(issue.RawValue, 4000));
        CommandParameters.Set(_indicator, CommandParameters.Clip(issue.IndicatorCode, 50));
        CommandParameters.Set(_period, CommandParameters.Clip(issue.PeriodKey, 20));
        try
        {
            if (!_prepared)
            {
                await _insert.PrepareAsync(cancellationToken);
                _prepared = true;
            }

            await RowCommand.ExecuteAsync(_insert, cancellationToken);
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

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
