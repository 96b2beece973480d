using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Builds the <see cref="GateContext"/> for one submission from the warehouse, in three queries: every
/// indicator with its type-2 versions (the gate must recognise another service's indicator to call it
/// out of scope), and, for the indicators in scope, their targets and all their current results, with
/// those of every indicator of the same name (the same measure reported for another council, which the
/// history rules compare with to recognise a shock common to all). A system pull (no sender service)
/// has every indicator in scope.
/// </summary>
/// <remarks>
/// History is every period's, not a window before today: a late, corrected or back-loaded return is
/// judged against the periods before its own rows (the gate counts back from each row's period), and
/// an annual indicator has the years its rules need. It costs ~100 bytes a result: a service of 500
/// monthly indicators with ten years of results holds ~6 MB while its file is checked.
/// </remarks>
/// <param name="database">The warehouse.</param>
public sealed class GateContextQuery(WarehouseDatabase database)
{
    // A pull sees every indicator; a return only its service's. Separate statements rather than
    // "@ServiceCode IS NULL OR ...", so SQLite can drive the service's lookups through the indexes.
    internal const string AllTargetsSql = """
        SELECT t.indicator_code, t.period_key, t.target_value, t.amber_threshold, t.target_version_id
        FROM fact_target t
        """;

    internal const string ServiceTargetsSql = """
        SELECT t.indicator_code, t.period_key, t.target_value, t.amber_threshold, t.target_version_id
        FROM fact_target t
        WHERE t.indicator_code IN (SELECT i.indicator_code FROM dim_indicator i
                                   INNER JOIN dim_service s ON s.service_key = i.service_key
                                   WHERE s.service_code = @ServiceCode)
        """;

    internal const string AllHistorySql = """
        SELECT r.indicator_code, r.period_key, r.result_value, r.rag, r.remedial_action, r.numerator, r.denominator,
               CASE WHEN r.commentary IS NULL THEN 0 ELSE 1 END AS explained, r.status
        FROM fact_result r
        WHERE r.is_current = 1
        """;

    internal const string ServiceHistorySql = """
        SELECT r.indicator_code, r.period_key, r.result_value, r.rag, r.remedial_action, r.numerator, r.denominator,
               CASE WHEN r.commentary IS NULL THEN 0 ELSE 1 END AS explained, r.status
        FROM fact_result r
        WHERE r.is_current = 1
          AND r.indicator_code IN (SELECT i.indicator_code FROM dim_indicator i
                                   WHERE i.indicator_name IN (SELECT i_own.indicator_name FROM dim_indicator i_own
                                                              INNER JOIN dim_service s ON s.service_key = i_own.service_key
                                                              WHERE s.service_code = @ServiceCode))
        """;

    internal const string PublishedSql = """
        SELECT c.council_code, ps.period_key
        FROM publication_step ps
        INNER JOIN dim_council c ON c.council_key = ps.council_key
        WHERE ps.stage = 'Published'
        """;

    // A service's own current finance (a pull: everyone's); the gate compares a published quarter's with a correction.
    internal const string FinanceSql = """
        SELECT c.council_code, s.service_code, f.period_key, f.budget, f.forecast_outturn, f.variance
        FROM fact_finance AS f
        INNER JOIN dim_council AS c ON c.council_key = f.council_key
        INNER JOIN dim_service AS s ON s.service_key = f.service_key
        WHERE f.is_current = 1 AND (s.service_code = @ServiceCode OR @ServiceCode IS NULL)
        """;

    internal const string ActionsSql = """
        SELECT a.action_code, a.action_name, s.service_code, a.start_date, a.end_date
        FROM dim_action AS a
        INNER JOIN dim_service AS s ON s.service_key = a.service_key
        WHERE a.is_current = 1
        """;

    /// <summary>Reads the context for a submission from <paramref name="senderService"/> checked as of <paramref name="asOf"/>.</summary>
    /// <param name="senderService">The service whose folder the file came from, or null for a system pull.</param>
    /// <param name="asOf">The UK date the submission is checked as of.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    /// <returns>The context; the gate itself never touches the database.</returns>
    public async Task<GateContext> BuildAsync(string? senderService, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var indicators = await IndicatorVersions.ReadAsync(connection, cancellationToken);
        var parameters = new DynamicParameters(new { ServiceCode = senderService });
        var everyone = senderService is null;
        var targets = await ReadTargetsAsync(connection, everyone ? AllTargetsSql : ServiceTargetsSql, parameters, cancellationToken);
        var history = await ReadHistoryAsync(connection, everyone ? AllHistorySql : ServiceHistorySql, parameters, cancellationToken);
        return new GateContext
        {
            Actions = await ReadActionsAsync(connection, cancellationToken),
            SenderService = senderService,
            AsOf = asOf,
            Indicators = indicators,
            Targets = targets,
            History = history,
            Published = await ReadPublishedAsync(connection, cancellationToken),
            Finance = await ReadFinanceAsync(connection, parameters, cancellationToken),
            HoldsWarehouseHistory = true,
        };
    }

    private static async Task<Dictionary<string, PlannedAction>> ReadActionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var actions = new Dictionary<string, PlannedAction>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ActionsSql, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var action = new PlannedAction(reader.GetString(0), reader.GetString(1), reader.GetString(2), Columns.NullableDate(reader, 3), Columns.NullableDate(reader, 4));
            actions[action.Code] = action;
        }

        return actions;
    }

    private static async Task<Dictionary<(string IndicatorCode, string PeriodKey), Target>> ReadTargetsAsync(
        DbConnection connection, string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<(string IndicatorCode, string PeriodKey), Target>(TargetKeyComparer.Instance);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(0);
            var period = PeriodKeys.ToPeriod(Columns.Int(reader, 1));
            targets[(code, period.Key)] = new Target(code, period, Columns.Decimal(reader, 2), Columns.NullableDecimal(reader, 3))
            {
                VersionId = reader.IsDBNull(4) ? null : Columns.Long(reader, 4),
            };
        }

        return targets;
    }

    private static async Task<Dictionary<string, Finance.StoredFinance>> ReadFinanceAsync(DbConnection connection, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var finance = new Dictionary<string, Finance.StoredFinance>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(FinanceSql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = Finance.StoredFinance.Key(reader.GetString(0), reader.GetString(1), PeriodKeys.ToPeriod(Columns.Int(reader, 2)).Key);
            finance[key] = new Finance.StoredFinance(Columns.Decimal(reader, 3), Columns.Decimal(reader, 4), Columns.Decimal(reader, 5));
        }

        return finance;
    }

    private static async Task<Dictionary<string, IReadOnlyList<Period>>> ReadPublishedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Council, long PeriodKey)>(new CommandDefinition(PublishedSql, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Council, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key, g => (IReadOnlyList<Period>)[.. g.Select(r => PeriodKeys.ToPeriod((int)r.PeriodKey))], StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<Dictionary<string, IReadOnlyList<HistoricResult>>> ReadHistoryAsync(
        DbConnection connection, string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, List<HistoricResult>>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var code = reader.GetString(0);
                if (!byCode.TryGetValue(code, out var list))
                {
                    byCode[code] = list = [];
                }

                var value = Columns.NullableDecimal(reader, 2);
                list.Add(new HistoricResult(
                    PeriodKeys.ToPeriod(Columns.Int(reader, 1)),
                    value,
                    WarehouseText.ParseRag(reader.GetString(3)),
                    Columns.Text(reader, 4))
                {
                    Numerator = Columns.NullableDecimal(reader, 5),
                    Denominator = Columns.NullableDecimal(reader, 6),
                    Explained = Columns.Int(reader, 7) == 1,
                    Status = Columns.Text(reader, 8),
                    ValueIsExact = value is null || reader.GetFieldType(2) != typeof(double) || (double)value.Value == reader.GetDouble(2),
                });
            }
        }

        // Oldest period first; period keys do not sort in time across frequencies, periods do.
        return byCode.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<HistoricResult>)[.. pair.Value.OrderBy(h => h.Period)],
            StringComparer.OrdinalIgnoreCase);
    }
}
