using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// Commentary and remedial actions added to results after their return (<c>result_note</c>): a head of
/// service answers a Red result without resubmitting a file. Notes are only ever added, each with who and
/// when, so the table is its own audit. The return's own commentary stays as it came; the committee report
/// and <c>v_result</c> show the latest note beside it, each with its date. A note on a published period is
/// not a correction of a value, so it restates nothing.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
public sealed class ResultNoteBook(WarehouseDatabase warehouse)
{
    /// <summary>The longest commentary or remedial action kept, in characters (the column's size on SQL Server).</summary>
    public const int MaxLength = 4000;

    // The note goes to the current result of the indicator and period; a blank field keeps the latest note's text.
    internal const string AddSql = """
        INSERT INTO result_note (indicator_code, period_key, result_key, commentary, remedial_action, written_by, written_at, written_by_email)
        SELECT r.indicator_code, r.period_key, r.result_key,
               COALESCE(@Commentary, (SELECT n.commentary FROM result_note AS n WHERE n.result_note_id =
                   (SELECT MAX(x.result_note_id) FROM result_note AS x WHERE x.indicator_code = r.indicator_code AND x.period_key = r.period_key))),
               COALESCE(@RemedialAction, (SELECT n.remedial_action FROM result_note AS n WHERE n.result_note_id =
                   (SELECT MAX(x.result_note_id) FROM result_note AS x WHERE x.indicator_code = r.indicator_code AND x.period_key = r.period_key))),
               @By, @At, @ByEmail
        FROM fact_result AS r
        INNER JOIN dim_period AS p ON p.period_key = r.period_key
        WHERE r.indicator_code = @Indicator AND p.period_code = @Period AND r.is_current = 1
        """;

    internal const string ResultSql = """
        SELECT c.council_code AS CouncilCode, s.service_code AS ServiceCode, s.service_name AS ServiceName,
               v."Indicator code" AS IndicatorCode, v."Indicator name" AS IndicatorName, v."Period" AS PeriodCode, v."Unit" AS Unit,
               v."Result" AS Value, v."Target" AS Target, v."RAG" AS Rag, v."Commentary" AS Commentary,
               v."Remedial action" AS RemedialAction, v."Received at" AS ReceivedAt
        FROM v_result AS v
        INNER JOIN dim_council AS c ON c.council_key = v."Council key"
        INNER JOIN dim_service AS s ON s.service_key = v."Service key"
        WHERE v."Indicator code" = @Indicator AND v."Period" = @Period
        """;

    internal const string NotesSql = """
        SELECT n.commentary AS Commentary, n.remedial_action AS RemedialAction, n.written_by AS WrittenBy, n.written_at AS WrittenAt,
               n.written_by_email AS WrittenByEmail
        FROM result_note AS n
        INNER JOIN dim_period AS p ON p.period_key = n.period_key
        WHERE n.indicator_code = @Indicator AND p.period_code = @Period
        ORDER BY n.result_note_id
        """;

    /// <summary>
    /// Adds a note to the current result of <paramref name="indicatorCode"/> for <paramref name="period"/>;
    /// a blank <paramref name="commentary"/> or <paramref name="remedialAction"/> keeps the latest note's text.
    /// </summary>
    /// <returns>The result with its notes, the new one last; null when there is no current result to add it to.</returns>
    /// <exception cref="ArgumentException">Both texts are blank, one is longer than <see cref="MaxLength"/>, or no one is named.</exception>
    public async Task<NotedResult?> AddAsync(
        string indicatorCode, Period period, string? commentary, string? remedialAction, string writtenBy, DateTimeOffset at, CancellationToken cancellationToken,
        string? writtenByEmail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorCode);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(writtenBy);
        commentary = Text(commentary, "commentary");
        remedialAction = Text(remedialAction, "remedial action");
        if (commentary is null && remedialAction is null)
        {
            throw new ArgumentException("Write a commentary, a remedial action or both; the note was empty.", nameof(commentary));
        }

        await using (var connection = await warehouse.OpenAsync(cancellationToken))
        {
            var added = await connection.ExecuteAsync(new CommandDefinition(AddSql, new
            {
                Indicator = indicatorCode.Trim(),
                Period = period.Key,
                Commentary = commentary,
                RemedialAction = remedialAction,
                By = writtenBy.Trim(),
                ByEmail = string.IsNullOrWhiteSpace(writtenByEmail) ? null : writtenByEmail.Trim(),
                At = at.UtcDateTime,
            }, cancellationToken: cancellationToken));
            if (added == 0)
            {
                return null;
            }
        }

        return await FindAsync(indicatorCode, period, cancellationToken);
    }

    /// <summary>The current result of <paramref name="indicatorCode"/> for <paramref name="period"/> with its notes, or null when there is none.</summary>
    public async Task<NotedResult?> FindAsync(string indicatorCode, Period period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorCode);
        ArgumentNullException.ThrowIfNull(period);
        var key = new { Indicator = indicatorCode.Trim(), Period = period.Key };
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ResultRow>(new CommandDefinition(ResultSql, key, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var notes = await connection.QueryAsync<NoteRow>(new CommandDefinition(NotesSql, key, cancellationToken: cancellationToken));
        return new NotedResult(
            row.CouncilCode, row.ServiceCode, row.ServiceName, row.IndicatorCode, row.IndicatorName, row.PeriodCode, row.Unit,
            Reports.PerformanceReportQuery.Number(row.Value), Reports.PerformanceReportQuery.Number(row.Target),
            row.Rag is null ? Scoring.RagStatus.DataOnly : WarehouseText.ParseRag(row.Rag), row.Commentary, row.RemedialAction, Utc(row.ReceivedAt),
            [.. notes.Select(n => new ResultNote(n.Commentary, n.RemedialAction, n.WrittenBy, Utc(n.WrittenAt)) { WrittenByEmail = n.WrittenByEmail })]);
    }

    private static string? Text(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().ReplaceLineEndings("\n");
        return trimmed.Length <= MaxLength
            ? trimmed
            : throw new ArgumentException($"The {what} is {trimmed.Length:N0} characters long; shorten it to {MaxLength:N0} or fewer.", nameof(text));
    }

    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));

    private sealed class ResultRow
    {
        public string CouncilCode { get; init; } = "";

        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string IndicatorCode { get; init; } = "";

        public string IndicatorName { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        public string Unit { get; init; } = "";

        // SQLite hands NUMERIC back as whole or floating numbers row by row.
        public object? Value { get; init; }

        public object? Target { get; init; }

        public string? Rag { get; init; }

        public string? Commentary { get; init; }

        public string? RemedialAction { get; init; }

        public DateTime ReceivedAt { get; init; }
    }

    private sealed class NoteRow
    {
        public string? Commentary { get; init; }

        public string? RemedialAction { get; init; }

        public string WrittenBy { get; init; } = "";

        public DateTime WrittenAt { get; init; }

        public string? WrittenByEmail { get; init; }
    }
}
