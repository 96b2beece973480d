using Dapper;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>Reads a <see cref="SubmissionReport"/> back from the warehouse: the submission, its service and its issues.</summary>
/// <param name="database">The warehouse.</param>
public sealed class SubmissionReportQuery(WarehouseDatabase database)
{
    /// <summary>Issues read into a report at most; a file with more is summarised by its counts.</summary>
    public int MaxIssues { get; init; } = 10_000;

    internal const string SubmissionSql = """
        SELECT s.submission_id AS SubmissionId, s.file_name AS FileName, s.service_code AS ServiceCode, d.service_name AS ServiceName,
               s.sender AS Sender, d.head_of_service AS HeadOfServiceName, d.head_of_service_email AS HeadOfServiceEmail, d.director_email AS DirectorEmail,
               s.received_at AS ReceivedAt, s.processed_at AS ProcessedAt, s.verdict AS Verdict, s.verdict_reason AS VerdictReason,
               s.rows_read AS RowsRead, s.rows_loaded AS RowsLoaded, s.rows_rejected AS RowsRejected, s.warnings AS Warnings,
               s.errors AS Errors, s.duplicate_of_submission_id AS DuplicateOf
        FROM submission s
        LEFT JOIN dim_service d ON d.service_code = s.service_code
        WHERE s.submission_id = @SubmissionId
        """;

    internal const string IssuesSql = """
        SELECT rule_id, severity, message, sheet_name, row_number, column_name, raw_value, indicator_code, period_code
        FROM dq_issue
        WHERE submission_id = @SubmissionId
        ORDER BY CASE WHEN row_number IS NULL THEN 0 ELSE 1 END, sheet_name, row_number, column_name, dq_issue_id
        """;

    internal const string FinanceSql = """
        SELECT f.row_number, c.council_code, s.service_code, p.period_code, f.budget, f.forecast_outturn, f.variance
        FROM fact_finance f
        INNER JOIN dim_council c ON c.council_key = f.council_key
        INNER JOIN dim_service s ON s.service_key = f.service_key
        INNER JOIN dim_period p ON p.period_key = f.period_key
        WHERE f.submission_id = @SubmissionId
        ORDER BY f.row_number
        """;

    internal const string UnstoredSql = """
        SELECT rule_id AS RuleId, SUM(issues - issues_stored) AS Unstored
        FROM dq_issue_count
        WHERE submission_id = @SubmissionId AND issues > issues_stored
        GROUP BY rule_id
        ORDER BY rule_id
        """;

    /// <summary>The report on submission <paramref name="submissionId"/>.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    /// <exception cref="KeyNotFoundException">There is no such submission.</exception>
    public async Task<SubmissionReport> LoadAsync(long submissionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = new { SubmissionId = submissionId };
        var row = await connection.QuerySingleOrDefaultAsync<SubmissionRow>(new CommandDefinition(SubmissionSql, parameters, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"There is no submission {submissionId} in the warehouse at {database.Location}.");

        var issues = new List<QualityIssue>();
        var omitted = 0;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(IssuesSql, parameters, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (issues.Count == MaxIssues)
                {
                    omitted++;
                    continue;
                }

                issues.Add(new QualityIssue(
                    reader.GetString(0),
                    Enum.Parse<Severity>(reader.GetString(1), ignoreCase: true),
                    reader.GetString(2),
                    Columns.Text(reader, 3),
                    reader.IsDBNull(4) ? null : Columns.Int(reader, 4),
                    Columns.Text(reader, 5),
                    Columns.Text(reader, 6),
                    Columns.Text(reader, 7),
                    Columns.Text(reader, 8)));
            }
        }

        var unstored = (await connection.QueryAsync<(string RuleId, long Unstored)>(new CommandDefinition(UnstoredSql, parameters, cancellationToken: cancellationToken)))
            .Select(u => KeyValuePair.Create(u.RuleId, (int)u.Unstored))
            .ToList();
        var finance = (await connection.QueryAsync<(long? Row, string Council, string Service, string Period, object Budget, object Forecast, object Variance)>(
                new CommandDefinition(FinanceSql, parameters, cancellationToken: cancellationToken)))
            .Select(f => new SubmittedFinance((int?)f.Row, f.Council, f.Service, f.Period, Columns.Number(f.Budget) ?? 0m, Columns.Number(f.Forecast) ?? 0m, Columns.Number(f.Variance) ?? 0m))
            .ToList();
        return new SubmissionReport
        {
            Finance = finance,
            SubmissionId = row.SubmissionId,
            FileName = row.FileName,
            ServiceCode = row.ServiceCode,
            ServiceName = row.ServiceName,
            Sender = row.Sender,
            HeadOfServiceName = row.HeadOfServiceName,
            HeadOfServiceEmail = row.HeadOfServiceEmail,
            DirectorEmail = row.DirectorEmail,
            ReceivedAt = Utc(row.ReceivedAt),
            ProcessedAt = Utc(row.ProcessedAt),
            Verdict = Enum.Parse<SubmissionVerdict>(row.Verdict, ignoreCase: true),
            VerdictReason = row.VerdictReason,
            RowsRead = row.RowsRead,
            RowsLoaded = row.RowsLoaded,
            RowsRejected = row.RowsRejected,
            Warnings = row.Warnings,
            Errors = row.Errors,
            DuplicateOfSubmissionId = row.DuplicateOf,
            Issues = issues,
            IssuesOmitted = omitted + unstored.Sum(u => u.Value),
            UnstoredByRule = unstored,
        };
    }

    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));

    private sealed class SubmissionRow
    {
        public long SubmissionId { get; init; }

        public string FileName { get; init; } = "";

        public string? ServiceCode { get; init; }

        public string? ServiceName { get; init; }

        public string Sender { get; init; } = "";

        public string? HeadOfServiceName { get; init; }

        public string? HeadOfServiceEmail { get; init; }

        public string? DirectorEmail { get; init; }

        public DateTime ReceivedAt { get; init; }

        public DateTime ProcessedAt { get; init; }

        public string Verdict { get; init; } = "";

        public string? VerdictReason { get; init; }

        public int RowsRead { get; init; }

        public int RowsLoaded { get; init; }

        public int RowsRejected { get; init; }

        public int Warnings { get; init; }

        public int Errors { get; init; }

        public long? DuplicateOf { get; init; }
    }
}
