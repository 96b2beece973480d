using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Publication;

/// <summary>
/// Sign-off and publication of a council's reporting period: draft → reviewed → approved → published,
/// each step recorded with who, when, which committee and a note, and each needing the one before.
/// Publishing takes every current result of the period, Red ones included: there is no way to leave
/// one out. Results of a published period that change later are restatements (<see cref="RestatementRecord"/>).
/// </summary>
/// <param name="database">The warehouse.</param>
/// <param name="time">The clock steps are stamped with.</param>
public sealed class PublicationLedger(WarehouseDatabase database, TimeProvider time)
{
    internal const string CouncilKeySql = "SELECT council_key FROM dim_council WHERE council_code = @Code";

    internal const string StepsSql = """
        SELECT stage AS Stage, taken_by AS TakenBy, taken_at AS TakenAt, committee AS Committee, note AS Note,
               results AS Results, red_results AS RedResults
        FROM publication_step
        WHERE council_key = @CouncilKey AND period_key = @PeriodKey
        ORDER BY publication_step_id
        """;

    internal const string CountResultsSql = """
        SELECT COUNT(*) AS Results, COALESCE(SUM(CASE WHEN r.rag = 'Red' THEN 1 ELSE 0 END), 0) AS RedResults
        FROM fact_result AS r
        INNER JOIN dim_period AS rp ON rp.period_key = r.period_key
        WHERE r.is_current = 1 AND r.council_key = @CouncilKey AND rp.start_date >= @Start AND rp.end_date <= @End
        """;

    internal const string InsertStepSql = """
        INSERT INTO publication_step (council_key, period_key, stage, taken_by, taken_at, committee, note, results, red_results)
        VALUES (@CouncilKey, @PeriodKey, @Stage, @TakenBy, @TakenAt, @Committee, @Note, @Results, @RedResults)
        """;

    /// <summary>Takes the next step for <paramref name="councilCode"/>'s <paramref name="period"/>.</summary>
    /// <exception cref="ConfigurationProblemException">
    /// The council is unknown, no name was given, or the step is out of order; the message says what to do.
    /// </exception>
    public async Task<PublicationStep> TakeAsync(
        string councilCode, Period period, PublicationStage stage, string by, string? committee, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (stage == PublicationStage.Draft)
        {
            throw new ConfigurationProblemException("A period is a draft until it is reviewed; there is no step back to draft. Record a correction instead: it is a restatement.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            throw new ConfigurationProblemException($"Say who is recording the step with --by (a name): each step of {period.Key} is recorded with who took it.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var councilKey = await CouncilKeyAsync(connection, transaction, councilCode, cancellationToken);
        await PeriodDimension.EnsureAsync(connection, transaction, period.Year, period.Year, cancellationToken);
        var steps = await ReadStepsAsync(connection, transaction, councilKey, councilCode, period, cancellationToken);
        var reached = steps.Count == 0 ? PublicationStage.Draft : steps.Max(s => s.Stage);
        if (stage != reached + 1)
        {
            throw new ConfigurationProblemException(stage <= reached
                ? $"{councilCode} {period.Key} is already {Words(reached)}; there is nothing to {Verb(stage)}. A correction now is a restatement, recorded when the corrected return is loaded."
                : $"{councilCode} {period.Key} is {Words(reached)}, so it cannot be {Words(stage)} yet; it must be {Words(reached + 1)} first (pmf publish {Verb(reached + 1)}).");
        }

        var (results, reds) = stage == PublicationStage.Published
            ? await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
                CountResultsSql, new { CouncilKey = councilKey, Start = period.Start, End = period.End }, transaction, cancellationToken: cancellationToken))
            : (0, 0);
        var step = new PublicationStep(councilCode, period, stage, by.Trim(), time.GetUtcNow(), Blank(committee), Blank(note), results, reds);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertStepSql,
            new
            {
                CouncilKey = councilKey,
                PeriodKey = period.SortKey,
                Stage = stage.ToString(),
                TakenBy = step.By,
                TakenAt = step.At.UtcDateTime,
                step.Committee,
                step.Note,
                step.Results,
                step.RedResults,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return step;
    }

    /// <summary>Every step <paramref name="councilCode"/>'s <paramref name="period"/> has taken, oldest first (none: a draft).</summary>
    /// <exception cref="ConfigurationProblemException">The council is unknown.</exception>
    public async Task<IReadOnlyList<PublicationStep>> StepsAsync(string councilCode, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await database.OpenAsync(cancellationToken);
        var councilKey = await CouncilKeyAsync(connection, null, councilCode, cancellationToken);
        return await ReadStepsAsync(connection, null, councilKey, councilCode, period, cancellationToken);
    }

    /// <summary>"approved", "published" …: a stage as a sentence says it.</summary>
    public static string Words(PublicationStage stage) => stage == PublicationStage.Draft ? "a draft" : stage.ToString().ToLowerInvariant();

    private static string Verb(PublicationStage stage) => stage switch
    {
        PublicationStage.Reviewed => "review",
        PublicationStage.Approved => "approve",
        _ => "publish",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<long> CouncilKeyAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string councilCode, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(CouncilKeySql, new { Code = councilCode }, transaction, cancellationToken: cancellationToken))
        ?? throw new ConfigurationProblemException($"--council: there is no council '{councilCode}' in the warehouse; give a council code from the catalogue's Councils sheet.");

    private static async Task<List<PublicationStep>> ReadStepsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long councilKey, string councilCode, Period period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StepRow>(new CommandDefinition(
            StepsSql, new { CouncilKey = councilKey, PeriodKey = period.SortKey }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PublicationStep(
            councilCode, period, Enum.Parse<PublicationStage>(r.Stage), r.TakenBy, new DateTimeOffset(DateTime.SpecifyKind(r.TakenAt, DateTimeKind.Utc)),
            r.Committee, r.Note, (int)r.Results, (int)r.RedResults))];
    }

    private sealed class StepRow
    {
        public string Stage { get; init; } = "";

        public string TakenBy { get; init; } = "";

        public DateTime TakenAt { get; init; }

        public string? Committee { get; init; }

        public string? Note { get; init; }

        public long Results { get; init; }

        public long RedResults { get; init; }
    }
}
