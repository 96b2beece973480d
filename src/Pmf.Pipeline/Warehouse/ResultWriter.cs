using System.Data;
using System.Data.Common;
using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Writes accepted results of one submission into <c>fact_result</c>, one prepared command reused for
/// every row. A row the gate judged goes in with its direction of travel, and current when no current
/// result has its key; the rest of currency and direction is left to completion, in
/// <see cref="Keys"/>. A row without the gate's judgement goes in not current and unjudged, and
/// completion settles the whole submission set-based.
/// </summary>
internal sealed class ResultWriter : IAsyncDisposable
{
    internal const string InsertResultSql = """
        INSERT INTO fact_result (indicator_key, indicator_code, period_key, council_key, service_key,
                                 result_value, numerator, denominator, target_value, tolerance_amount, tolerance_is_percent,
                                 amber_threshold, rag, status, commentary, remedial_action, is_nil_return,
                                 submission_id, sheet_name, row_number, is_current, loaded_at,
                                 direction_vs_previous, direction_vs_last_year, target_version_id, case_study_title)
        VALUES (@IndicatorKey, @IndicatorCode, @PeriodKey, @CouncilKey, @ServiceKey,
                @ResultValue, @Numerator, @Denominator, @TargetValue, @ToleranceAmount, @ToleranceIsPercent,
                @AmberThreshold, @Rag, @Status, @Commentary, @RemedialAction, @IsNilReturn,
                @SubmissionId, @SheetName, @RowNumber, @IsCurrent, @LoadedAt,
                @DirectionVsPrevious, @DirectionVsLastYear, @TargetVersionId, @CaseStudyTitle)
        """;

    // Slots of the insert, in the order of its parameters.
    private const int IndicatorKey = 0, IndicatorCode = 1, PeriodKey = 2, CouncilKey = 3, ServiceKey = 4, ResultValue = 5,
        Numerator = 6, Denominator = 7, TargetValue = 8, ToleranceAmount = 9, ToleranceIsPercent = 10, AmberThreshold = 11,
        Rag = 12, Status = 13, Commentary = 14, RemedialAction = 15, IsNilReturn = 16, SubmissionId = 17, SheetName = 18,
        RowNumber = 19, LoadedAt = 20, IsCurrent = 21, DirectionVsPrevious = 22, DirectionVsLastYear = 23, TargetVersionId = 24, CaseStudyTitle = 25;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IndicatorKeys _indicators;
    private readonly RowStatement _insert;
    private readonly HashSet<int> _yearsEnsured = [];

    public ResultWriter(DbConnection connection, DbTransaction transaction, IndicatorKeys indicators, long submissionId, DateTime loadedAtUtc)
    {
        _connection = connection;
        _transaction = transaction;
        _indicators = indicators;
        _insert = RowStatement.Prepare(
            connection,
            transaction,
            InsertResultSql,
            ("@IndicatorKey", DbType.Int64),
            ("@IndicatorCode", DbType.String),
            ("@PeriodKey", DbType.Int32),
            ("@CouncilKey", DbType.Int64),
            ("@ServiceKey", DbType.Int64),
            ("@ResultValue", DbType.Decimal),
            ("@Numerator", DbType.Decimal),
            ("@Denominator", DbType.Decimal),
            ("@TargetValue", DbType.Decimal),
            ("@ToleranceAmount", DbType.Decimal),
            ("@ToleranceIsPercent", DbType.Boolean),
            ("@AmberThreshold", DbType.Decimal),
            ("@Rag", DbType.String),
            ("@Status", DbType.String),
            ("@Commentary", DbType.String),
            ("@RemedialAction", DbType.String),
            ("@IsNilReturn", DbType.Boolean),
            ("@SubmissionId", DbType.Int64),
            ("@SheetName", DbType.String),
            ("@RowNumber", DbType.Int32),
            ("@LoadedAt", DbType.DateTime2),
            ("@IsCurrent", DbType.Boolean),
            ("@DirectionVsPrevious", DbType.String),
            ("@DirectionVsLastYear", DbType.String),
            ("@TargetVersionId", DbType.Int64),
            ("@CaseStudyTitle", DbType.String));
        _insert.Set(SubmissionId, submissionId);
        _insert.Set(LoadedAt, loadedAtUtc);
    }

    /// <summary>What completion still has to do for the rows written.</summary>
    public CompletionKeys Keys { get; } = new();

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

        _insert.Set(IndicatorKey, indicator.Key);
        _insert.Set(IndicatorCode, indicator.Code);
        _insert.Set(PeriodKey, result.Period.SortKey);
        _insert.Set(CouncilKey, indicator.CouncilKey);
        _insert.Set(ServiceKey, indicator.ServiceKey);
        _insert.Set(ResultValue, result.Value);
        _insert.Set(Numerator, result.Numerator);
        _insert.Set(Denominator, result.Denominator);
        _insert.Set(TargetValue, result.Target);
        _insert.Set(ToleranceAmount, result.Tolerance?.Amount);
        _insert.Set(ToleranceIsPercent, result.Tolerance?.IsPercentOfTarget);
        _insert.Set(AmberThreshold, result.AmberThreshold);
        _insert.Set(TargetVersionId, result.TargetVersionId);
        _insert.Set(Rag, WarehouseText.Rag(result.Rag));
        _insert.Set(Status, CommandParameters.Clip(result.Status, 100));
        _insert.Set(Commentary, result.Commentary);
        _insert.Set(RemedialAction, result.RemedialAction);
        _insert.Set(CaseStudyTitle, CommandParameters.Clip(result.CaseStudyTitle, 200));
        _insert.Set(IsNilReturn, result.IsNilReturn);
        _insert.Set(SheetName, CommandParameters.Clip(result.Sheet, 128));
        _insert.Set(RowNumber, result.Row);
        var judged = result.Judged;
        _insert.Set(DirectionVsPrevious, judged is null ? null : WarehouseText.Direction(judged.VsPrevious));
        _insert.Set(DirectionVsLastYear, judged is null ? null : WarehouseText.Direction(judged.VsLastYear));
        var current = judged is { NewKey: true };
        try
        {
            _insert.Set(IsCurrent, current);
            await _insert.ExecuteAsync(cancellationToken);
        }
        catch (DbException) when (current)
        {
            // A current result the gate did not know of (its history was read before another load
            // committed): the row goes in not current, and completion supersedes and judges it.
            current = false;
            await InsertNotCurrentAsync(result, cancellationToken);
        }
        catch (DbException error)
        {
            throw Refused(result, error);
        }

        if (judged is null)
        {
            Keys.Unjudged();
        }
        else
        {
            Keys.Written(result, judged, current);
        }

        Written++;
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task InsertNotCurrentAsync(AcceptedResult result, CancellationToken cancellationToken)
    {
        try
        {
            _insert.Set(IsCurrent, false);
            await _insert.ExecuteAsync(cancellationToken);
        }
        catch (DbException error)
        {
            throw Refused(result, error);
        }
    }

    private static WarehouseException Refused(AcceptedResult result, DbException error) =>
        new($"{Where(result)}: the result for {result.IndicatorCode} {result.Period.Key} could not be written: {error.Message}", error);

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
