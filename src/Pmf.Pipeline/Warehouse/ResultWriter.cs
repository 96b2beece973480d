using System.Data;
using System.Data.Common;
using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Writes accepted results of one submission into <c>fact_result</c>, one prepared command reused for
/// every row. Rows go in as not current: supersession decides, set-based, once they are all in.
/// </summary>
internal sealed class ResultWriter : IAsyncDisposable
{
    internal const string InsertResultSql = """
        INSERT INTO fact_result (indicator_key, indicator_code, period_key, council_key, service_key,
                                 result_value, numerator, denominator, target_value, tolerance_amount, tolerance_is_percent,
                                 amber_threshold, rag, status, commentary, remedial_action, is_nil_return,
                                 submission_id, sheet_name, row_number, is_current, loaded_at)
        VALUES (@IndicatorKey, @IndicatorCode, @PeriodKey, @CouncilKey, @ServiceKey,
                @ResultValue, @Numerator, @Denominator, @TargetValue, @ToleranceAmount, @ToleranceIsPercent,
                @AmberThreshold, @Rag, @Status, @Commentary, @RemedialAction, @IsNilReturn,
                @SubmissionId, @SheetName, @RowNumber, 0, @LoadedAt)
        """;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IndicatorKeys _indicators;
    private readonly DbCommand _insert;
    private readonly HashSet<int> _yearsEnsured = [];
    private readonly DbParameter _indicatorKey, _indicatorCode, _periodKey, _councilKey, _serviceKey;
    private readonly DbParameter _value, _numerator, _denominator, _target, _toleranceAmount, _toleranceIsPercent, _amber;
    private readonly DbParameter _rag, _status, _commentary, _remedial, _nil, _sheet, _row;
    private bool _prepared;

    public ResultWriter(DbConnection connection, DbTransaction transaction, IndicatorKeys indicators, long submissionId, DateTime loadedAtUtc)
    {
        _connection = connection;
        _transaction = transaction;
        _indicators = indicators;
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = InsertResultSql;
        _indicatorKey = CommandParameters.Add(_insert, "@IndicatorKey", DbType.Int64);
        _indicatorCode = CommandParameters.Add(_insert, "@IndicatorCode", DbType.String);
        _periodKey = CommandParameters.Add(_insert, "@PeriodKey", DbType.Int32);
        _councilKey = CommandParameters.Add(_insert, "@CouncilKey", DbType.Int64);
        _serviceKey = CommandParameters.Add(_insert, "@ServiceKey", DbType.Int64);
        _value = CommandParameters.Add(_insert, "@ResultValue", DbType.Decimal);
        _numerator = CommandParameters.Add(_insert, "@Numerator", DbType.Decimal);
        _denominator = CommandParameters.Add(_insert, "@Denominator", DbType.Decimal);
        _target = CommandParameters.Add(_insert, "@TargetValue", DbType.Decimal);
        _toleranceAmount = CommandParameters.Add(_insert, "@ToleranceAmount", DbType.Decimal);
        _toleranceIsPercent = CommandParameters.Add(_insert, "@ToleranceIsPercent", DbType.Boolean);
        _amber = CommandParameters.Add(_insert, "@AmberThreshold", DbType.Decimal);
        _rag = CommandParameters.Add(_insert, "@Rag", DbType.String);
        _status = CommandParameters.Add(_insert, "@Status", DbType.String);
        _commentary = CommandParameters.Add(_insert, "@Commentary", DbType.String);
        _remedial = CommandParameters.Add(_insert, "@RemedialAction", DbType.String);
        _nil = CommandParameters.Add(_insert, "@IsNilReturn", DbType.Boolean);
        CommandParameters.Set(CommandParameters.Add(_insert, "@SubmissionId", DbType.Int64), submissionId);
        _sheet = CommandParameters.Add(_insert, "@SheetName", DbType.String);
        _row = CommandParameters.Add(_insert, "@RowNumber", DbType.Int32);
        CommandParameters.Set(CommandParameters.Add(_insert, "@LoadedAt", DbType.DateTime2), loadedAtUtc);
    }

    /// <summary>Rows written so far, less any withdrawn.</summary>
    public int Written { get; private set; }

    /// <summary>Counts rows taken back out by <see cref="SubmissionLoad.WithdrawAsync"/>.</summary>
    public void Withdrawn(int rows) => Written -= rows;

    /// <exception cref="WarehouseException">The indicator is not in the catalogue, or the database refused the row.</exception>
    public async Task WriteAsync(AcceptedResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var indicator = _indicators.Find(result.IndicatorCode, result.Period)
            ?? throw new WarehouseException($"{Where(result)}: indicator {result.IndicatorCode} is not in the catalogue the warehouse holds, so the submission was not loaded.", null);
        await EnsurePeriodsAsync(result.Period.Year, cancellationToken);

        CommandParameters.Set(_indicatorKey, indicator.Key);
        CommandParameters.Set(_indicatorCode, indicator.Code);
        CommandParameters.Set(_periodKey, result.Period.SortKey);
        CommandParameters.Set(_councilKey, indicator.CouncilKey);
        CommandParameters.Set(_serviceKey, indicator.ServiceKey);
        CommandParameters.Set(_value, result.Value);
        CommandParameters.Set(_numerator, result.Numerator);
        CommandParameters.Set(_denominator, result.Denominator);
        CommandParameters.Set(_target, result.Target);
        CommandParameters.Set(_toleranceAmount, result.Tolerance?.Amount);
        CommandParameters.Set(_toleranceIsPercent, result.Tolerance?.IsPercentOfTarget);
        CommandParameters.Set(_amber, result.AmberThreshold);
        CommandParameters.Set(_rag, WarehouseText.Rag(result.Rag));
        CommandParameters.Set(_status, CommandParameters.Clip(result.Status, 100));
        CommandParameters.Set(_commentary, result.Commentary);
        CommandParameters.Set(_remedial, result.RemedialAction);
        CommandParameters.Set(_nil, result.IsNilReturn);
        CommandParameters.Set(_sheet, CommandParameters.Clip(result.Sheet, 128));
        CommandParameters.Set(_row, result.Row);
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
            throw new WarehouseException($"{Where(result)}: the result for {result.IndicatorCode} {result.Period.Key} could not be written: {error.Message}", error);
        }

        Written++;
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();

    private static string Where(AcceptedResult result) => result.Row is { } row
        ? string.Create(CultureInfo.InvariantCulture, $"Sheet {result.Sheet ?? "?"}, row {row}")
        : $"Sheet {result.Sheet ?? "?"}";

    /// <summary>A result's period must be in dim_period (a foreign key); the year either side serves direction of travel.</summary>
    private async Task EnsurePeriodsAsync(FinancialYear year, CancellationToken cancellationToken)
    {
        if (_yearsEnsured.Add(year.StartYear))
        {
            await PeriodDimension.EnsureAsync(_connection, _transaction, year.Previous(), year.NextYear(), cancellationToken);
        }
    }
}
