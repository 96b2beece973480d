using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The published results of a period as open data for a council's transparency pages: a CSV and a JSON
/// file with the schema of docs/open-data.md. Published means the current value of each indicator and
/// period (a corrected return supersedes the earlier value, which is left out), loaded from an accepted
/// submission; rejected and duplicate files never load values. A period takes in every result whose
/// period lies within it: a quarter's export holds its quarterly results and its three months' results.
/// </summary>
/// <param name="database">The warehouse.</param>
/// <param name="time">The clock, for the JSON's <c>generated_at</c>.</param>
public sealed class OpenDataExport(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>The schema's name and version in the JSON; a change of meaning or a removed column raises the version.</summary>
    public const string Schema = "pmf-open-data/1";

    internal const string PublishedSql = """
        SELECT c.council_code AS CouncilCode, c.council_name AS CouncilName, pr.priority_code AS PriorityCode, pr.priority_name AS PriorityName,
               pr.objective_code AS ObjectiveCode, pr.objective_name AS ObjectiveName, s.service_code AS ServiceCode, s.service_name AS ServiceName,
               v."Indicator code" AS IndicatorCode, i.indicator_name AS IndicatorName, i.indicator_type AS IndicatorType, i.unit AS Unit,
               i.polarity AS Polarity, i.frequency AS Frequency, p.period_code AS Period, p.period_label AS PeriodLabel,
               p.start_date AS PeriodStart, p.end_date AS PeriodEnd, v."Result" AS Value, v."Numerator" AS Numerator, v."Denominator" AS Denominator,
               v."Target" AS Target, v."RAG" AS Rag, v."Direction vs previous" AS DirectionVsPrevious, v."Direction vs last year" AS DirectionVsLastYear,
               v."Status" AS Status, v."Nil return" AS NilReturn, v."Commentary" AS Commentary, v."Remedial action" AS RemedialAction,
               v."Loaded at" AS PublishedAt
        FROM v_result_published AS v
        INNER JOIN dim_indicator AS i ON i.indicator_key = v."Indicator version key"
        INNER JOIN dim_period AS p ON p.period_key = v."Period key"
        INNER JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
        INNER JOIN dim_service AS s ON s.service_key = i.service_key
        INNER JOIN dim_council AS c ON c.council_key = i.council_key
        WHERE p.start_date >= @Start AND p.end_date <= @End AND (@Council IS NULL OR c.council_code = @Council)
        ORDER BY c.council_code, v."Indicator code", p.start_date, p.end_date
        """;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The published results within <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="councilCode">One council, or null for all.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<OpenDataResult>> ReadAsync(Period period, string? councilCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            PublishedSql, new { Start = period.Start, End = period.End, Council = councilCode }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToResult())];
    }

    /// <summary>Writes <c>&lt;name&gt;.csv</c> and <c>&lt;name&gt;.json</c> into <paramref name="folder"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="councilCode">One council, or null for all.</param>
    /// <param name="folder">The folder; created if need be.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="ConfigurationProblemException">The council is not in the warehouse.</exception>
    public async Task<OpenDataFiles> WriteAsync(Period period, string? councilCode, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var councils = await PerformanceReportWriter.ResolveAsync(new PerformanceReportQuery(database), database, councilCode, cancellationToken);
        var code = councilCode is null ? null : councils[0].Code;
        var results = await ReadAsync(period, code, cancellationToken);
        Directory.CreateDirectory(folder);
        var name = SafeFileName.Of($"pmf-results {(code is null ? "" : code + " ")}{period.Key.Replace('/', '-')}");
        var csv = Path.Combine(folder, name + ".csv");
        var json = Path.Combine(folder, name + ".json");
        await File.WriteAllBytesAsync(csv, Csv(results), cancellationToken);
        await File.WriteAllBytesAsync(json, Json(results, period, code, time.GetUtcNow()), cancellationToken);
        var (financeCsv, financeRows) = await OpenDataFinance.CsvAsync(database, period, code, cancellationToken);
        var finance = Path.Combine(folder, SafeFileName.Of($"pmf-finance {(code is null ? "" : code + " ")}{period.Key.Replace('/', '-')}") + ".csv");
        await File.WriteAllBytesAsync(finance, financeCsv, cancellationToken);
        var actionsName = SafeFileName.Of($"pmf-actions {(code is null ? "" : code + " ")}{period.Key.Replace('/', '-')}");
        var actions = await OpenDataActions.WriteAsync(database, period, code, folder, actionsName, time.GetUtcNow(), cancellationToken);
        return new OpenDataFiles(period.Key, code, results.Count, csv, json) { FinanceRows = financeRows, FinanceCsvPath = finance, Actions = actions, ActionsCsvPath = Path.Combine(folder, actionsName + ".csv") };
    }

    /// <summary>
    /// The results as CSV: UTF-8 with a byte-order mark, RFC 4180 (CRLF, quotes doubled, a field quoted when it
    /// holds a comma, quote or line break), header first; a text cell starting with <c>= + - @</c>, a tab or a
    /// carriage return is prefixed with <c>'</c> so a spreadsheet shows it as text instead of running it.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<OpenDataResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder(256 * (results.Count + 1));
        csv.AppendJoin(',', OpenDataColumns.All.Select(c => c.Name)).Append("\r\n");
        foreach (var result in results)
        {
            csv.AppendJoin(',', OpenDataColumns.All.Select(c =>
            {
                var text = OpenDataColumns.Text(c.Value(result));
                return c.Type == OpenDataType.Text ? SafeText.CsvField(text) : text;
            })).Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    /// <summary>The results as a JSON document: the schema, period, council and time, then <c>results</c>, one object per result.</summary>
    public static byte[] Json(IReadOnlyList<OpenDataResult> results, Period period, string? councilCode, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(period);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("period", period.Key);
            json.WriteString("period_start", OpenDataColumns.Text(period.Start));
            json.WriteString("period_end", OpenDataColumns.Text(period.End));
            if (councilCode is null)
            {
                json.WriteNull("council_code");
            }
            else
            {
                json.WriteString("council_code", councilCode);
            }

            json.WriteString("generated_at", OpenDataColumns.Text(generatedAt));
            json.WriteNumber("count", results.Count);
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                foreach (var column in OpenDataColumns.All)
                {
                    switch (column.Value(result))
                    {
                        case null:
                            json.WriteNull(column.Name);
                            break;
                        case decimal number:
                            json.WriteNumber(column.Name, number);
                            break;
                        case bool flag:
                            json.WriteBoolean(column.Name, flag);
                            break;
                        case var value:
                            json.WriteString(column.Name, OpenDataColumns.Text(value));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed class Row
    {
        public string CouncilCode { get; init; } = "";

        public string CouncilName { get; init; } = "";

        public string PriorityCode { get; init; } = "";

        public string PriorityName { get; init; } = "";

        public string ObjectiveCode { get; init; } = "";

        public string? ObjectiveName { get; init; }

        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string IndicatorCode { get; init; } = "";

        public string IndicatorName { get; init; } = "";

        public string IndicatorType { get; init; } = "";

        public string Unit { get; init; } = "";

        public string Polarity { get; init; } = "";

        public string Frequency { get; init; } = "";

        public string Period { get; init; } = "";

        public string PeriodLabel { get; init; } = "";

        public DateTime PeriodStart { get; init; }

        public DateTime PeriodEnd { get; init; }

        // SQLite hands NUMERIC back as whole or floating numbers row by row; converted once read.
        public object? Value { get; init; }

        public object? Numerator { get; init; }

        public object? Denominator { get; init; }

        public object? Target { get; init; }

        public string Rag { get; init; } = "";

        public string? DirectionVsPrevious { get; init; }

        public string? DirectionVsLastYear { get; init; }

        public string? Status { get; init; }

        public string NilReturn { get; init; } = "";

        public string? Commentary { get; init; }

        public string? RemedialAction { get; init; }

        // Text in SQLite (ISO 8601 UTC), datetime2 in SQL Server (UTC by convention).
        public object PublishedAt { get; init; } = "";

        public OpenDataResult ToResult() => new()
        {
            CouncilCode = CouncilCode,
            CouncilName = CouncilName,
            PriorityCode = PriorityCode,
            PriorityName = PriorityName,
            ObjectiveCode = ObjectiveCode,
            ObjectiveName = ObjectiveName,
            ServiceCode = ServiceCode,
            ServiceName = ServiceName,
            IndicatorCode = IndicatorCode,
            IndicatorName = IndicatorName,
            IndicatorType = IndicatorType,
            Unit = Unit,
            Polarity = Polarity,
            Frequency = Frequency,
            Period = Period,
            PeriodLabel = PeriodLabel,
            PeriodStart = DateOnly.FromDateTime(PeriodStart),
            PeriodEnd = DateOnly.FromDateTime(PeriodEnd),
            Value = PerformanceReportQuery.Number(Value),
            Numerator = PerformanceReportQuery.Number(Numerator),
            Denominator = PerformanceReportQuery.Number(Denominator),
            Target = PerformanceReportQuery.Number(Target),
            Rag = Rag,
            DirectionVsPrevious = DirectionVsPrevious,
            DirectionVsLastYear = DirectionVsLastYear,
            Status = Status,
            NilReturn = NilReturn == "Yes",
            Commentary = Commentary,
            RemedialAction = RemedialAction,
            PublishedAt = PublishedAt is DateTime instant
                ? new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Utc))
                : DateTimeOffset.Parse(Convert.ToString(PublishedAt, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
    }
}

/// <summary>The open-data files written for a period.</summary>
/// <param name="Period">The period.</param>
/// <param name="CouncilCode">The council, or null for all.</param>
/// <param name="Results">Results written.</param>
/// <param name="CsvPath">The CSV file.</param>
/// <param name="JsonPath">The JSON file.</param>
public sealed record OpenDataFiles(string Period, string? CouncilCode, int Results, string CsvPath, string JsonPath)
{
    /// <summary>Services' published budget positions written (docs/open-data.md, "Finance").</summary>
    public int FinanceRows { get; init; }

    /// <summary>The finance CSV: budget, forecast outturn and variance per service and published quarter.</summary>
    public string FinanceCsvPath { get; init; } = "";

    /// <summary>How many published action updates the actions files hold.</summary>
    public int Actions { get; init; }

    /// <summary>The action updates' CSV (its JSON is beside it), written even when it holds none.</summary>
    public string? ActionsCsvPath { get; init; }
}
