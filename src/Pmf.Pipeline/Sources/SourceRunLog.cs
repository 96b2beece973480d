using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Sources;

/// <summary>What the warehouse remembers about pulls: each run's outcome, each source's watermark, and which frequencies a source serves.</summary>
/// <param name="database">The warehouse.</param>
public sealed class SourceRunLog(WarehouseDatabase database)
{
    internal const string InsertRunSql = """
        INSERT INTO source_run (source_name, source_kind, as_of, started_at, finished_at, outcome, periods_from, periods_to,
                                requests, attempts, records_read, submission_id, message)
        VALUES (@SourceName, @SourceKind, @AsOf, @StartedAt, @FinishedAt, @Outcome, @PeriodsFrom, @PeriodsTo,
                @Requests, @Attempts, @RecordsRead, @SubmissionId, @Message)
        """;

    internal const string WatermarkSql = "SELECT final_through FROM source_watermark WHERE source_name = @SourceName";

    internal const string UpdateWatermarkSql = """
        UPDATE source_watermark SET final_through = @FinalThrough, last_success_at = @At, last_run_id = @RunId
        WHERE source_name = @SourceName
        """;

    internal const string InsertWatermarkSql = """
        INSERT INTO source_watermark (source_name, final_through, last_success_at, last_run_id)
        SELECT @SourceName, @FinalThrough, @At, @RunId
        WHERE NOT EXISTS (SELECT 1 FROM source_watermark WHERE source_name = @SourceName)
        """;

    internal const string LastRunSql = "SELECT MAX(started_at) FROM source_run WHERE source_name = @SourceName";

    internal const string FrequenciesSql = """
        SELECT DISTINCT frequency FROM dim_indicator WHERE is_current = 1 AND UPPER(source) = UPPER(@SourceName)
        """;

    internal const string RecentRunsSql = """
        SELECT source_name AS SourceName, started_at AS StartedAt, outcome AS Outcome, message AS Message
        FROM source_run
        WHERE started_at >= @Since
        ORDER BY source_name, started_at DESC, source_run_id DESC
        """;

    /// <summary>
    /// Each source's health from its runs since <paramref name="since"/>: its latest outcome, its last
    /// success and how many problem runs (Failed, Rejected, Empty) have followed it. For the sweep.
    /// </summary>
    public async Task<IReadOnlyList<SourceHealth>> HealthAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var runs = await connection.QueryAsync<RunRow>(new CommandDefinition(RecentRunsSql, new { Since = since.UtcDateTime }, cancellationToken: cancellationToken));
        return [.. runs.GroupBy(r => r.SourceName, StringComparer.OrdinalIgnoreCase).Select(Health)];
    }

    /// <summary>The day up to which <paramref name="source"/>'s periods are final, or null before its first successful pull.</summary>
    public async Task<DateOnly?> WatermarkAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(WatermarkSql, new { SourceName = source }, cancellationToken: cancellationToken));
        return value is { } day ? DateOnly.FromDateTime(day) : null;
    }

    /// <summary>When <paramref name="source"/> was last pulled (any outcome), or null if never.</summary>
    public async Task<DateTimeOffset?> LastRunAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(LastRunSql, new { SourceName = source }, cancellationToken: cancellationToken));
        return value is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>True when <paramref name="source"/>'s schedule has come round since its last run as of <paramref name="now"/> (a source never run is due).</summary>
    public async Task<bool> IsDueAsync(SourceDefinition source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var last = await LastRunAsync(source.Name, cancellationToken);
        var next = last is { } at ? SourceDefinitionCheck.Schedule(source.Schedule)?.GetNextOccurrence(at, TimeZoneInfo.Utc) : now;
        return next is { } due && due <= now;
    }

    /// <summary>The frequencies of the current indicators whose <c>Source</c> is <paramref name="source"/>.</summary>
    public async Task<IReadOnlyList<Frequency>> FrequenciesAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var texts = await connection.QueryAsync<string>(new CommandDefinition(FrequenciesSql, new { SourceName = source }, cancellationToken: cancellationToken));
        return [.. texts.Select(t => Catalogue.IndicatorTerms.TryFrequency(t, out var f) ? f : throw new WarehouseException($"dim_indicator holds an unknown frequency '{t}'.", null)).Distinct()];
    }

    /// <summary>Records a run and, after a successful one, moves the watermark; in one transaction.</summary>
    public async Task<long> RecordAsync(SourceRun run, DateOnly? newWatermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await database.Dialect.InsertReturningIdAsync(connection, InsertRunSql, new
        {
            run.SourceName,
            run.SourceKind,
            AsOf = run.AsOf.UtcDateTime,
            StartedAt = run.StartedAt.UtcDateTime,
            FinishedAt = run.FinishedAt.UtcDateTime,
            Outcome = run.Outcome.ToString(),
            run.PeriodsFrom,
            run.PeriodsTo,
            run.Requests,
            run.Attempts,
            run.RecordsRead,
            run.SubmissionId,
            run.Message,
        }, transaction, cancellationToken);
        if (newWatermark is { } day)
        {
            var parameters = new { run.SourceName, FinalThrough = day.ToDateTime(TimeOnly.MinValue), At = run.FinishedAt.UtcDateTime, RunId = id };
            await connection.ExecuteAsync(new CommandDefinition(UpdateWatermarkSql, parameters, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertWatermarkSql, parameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private static SourceHealth Health(IGrouping<string, RunRow> runs)
    {
        var newestFirst = runs.ToList();
        var problems = newestFirst.TakeWhile(r => IsProblem(r.Outcome)).Count();
        var success = newestFirst.FirstOrDefault(r => !IsProblem(r.Outcome));
        var latest = newestFirst[0];
        return new SourceHealth(
            runs.Key,
            Utc(latest.StartedAt),
            Enum.Parse<SourceRunOutcome>(latest.Outcome),
            latest.Message,
            success is null ? null : Utc(success.StartedAt),
            problems);
    }

    private static bool IsProblem(string outcome) =>
        outcome is nameof(SourceRunOutcome.Failed) or nameof(SourceRunOutcome.Rejected) or nameof(SourceRunOutcome.Empty);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed class RunRow
    {
        public string SourceName { get; init; } = "";

        public DateTime StartedAt { get; init; }

        public string Outcome { get; init; } = "";

        public string? Message { get; init; }
    }
}
