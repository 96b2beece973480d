using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// What people do with follow-ups: list them, acknowledge one with a note of what they are doing,
/// or resolve one by hand. Every change is a <c>follow_up_event</c> with who and when.
/// A follow-up resolved by hand is not reopened by the sweep; one the sweep resolved is, if its condition returns.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
public sealed class FollowUpBook(WarehouseDatabase warehouse)
{
    internal const string ListSql = """
        SELECT f.follow_up_id AS Id, f.kind AS Kind, f.indicator_code AS IndicatorCode, p.period_code AS PeriodCode,
               s.service_code AS ServiceCode, f.owner_email AS Owner, f.status AS Status, f.escalation_level AS Level,
               f.raised_at AS RaisedAt, f.due_at AS DueAt, f.detail AS Detail, c.council_code AS CouncilCode
        FROM follow_up f
        JOIN dim_service s ON s.service_key = f.service_key
        JOIN dim_period p ON p.period_key = f.period_key
        LEFT JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current = 1
        LEFT JOIN dim_council c ON c.council_key = i.council_key
        WHERE (@All = 1 OR f.status <> 'Resolved') AND (@Service IS NULL OR s.service_code = @Service) AND (@Id IS NULL OR f.follow_up_id = @Id)
        ORDER BY s.service_code, f.kind, f.indicator_code, f.period_key
        """;

    internal const string EventsSql = """
        SELECT occurred_at AS OccurredAt, action AS Action, status AS Status, escalation_level AS Level, actor AS Actor, note AS Note,
               actor_email AS ActorEmail
        FROM follow_up_event
        WHERE follow_up_id = @Id
        ORDER BY follow_up_event_id
        """;

    internal const string ChangeEventSql = """
        INSERT INTO follow_up_event (follow_up_id, occurred_at, action, status, escalation_level, actor, note, actor_email)
        SELECT follow_up_id, @Now, @Action, @Status, escalation_level, @Actor, @Note, @ActorEmail
        FROM follow_up WHERE follow_up_id = @Id AND status <> 'Resolved'
        """;

    internal const string ChangeSql = """
        UPDATE follow_up
        SET status = @Status, last_changed_at = @Now,
            resolved_at = CASE WHEN @Status = 'Resolved' THEN @Now ELSE resolved_at END,
            resolved_by = CASE WHEN @Status = 'Resolved' THEN @Actor ELSE resolved_by END
        WHERE follow_up_id = @Id AND status <> 'Resolved'
        """;

    /// <summary>Open and acknowledged follow-ups (all of them with <paramref name="includeResolved"/>), optionally for one service.</summary>
    public async Task<IReadOnlyList<FollowUpRecord>> ListAsync(bool includeResolved, string? serviceCode, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            ListSql, new { All = includeResolved ? 1 : 0, Service = serviceCode?.Trim().ToUpperInvariant(), Id = (long?)null }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>One follow-up, resolved or not, with every change made to it (raised, escalated, acknowledged, resolved, reopened), oldest first; null when there is no such follow-up.</summary>
    public async Task<FollowUpHistory?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ListSql, new { All = 1, Service = (string?)null, Id = (long?)id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var events = await connection.QueryAsync<EventRow>(new CommandDefinition(EventsSql, new { Id = id }, cancellationToken: cancellationToken));
        return new FollowUpHistory(row.ToRecord(), [.. events.Select(e => new FollowUpEvent(
            new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc)), e.Action, e.Status, (int)e.Level, e.Actor, e.Note) { ActorEmail = e.ActorEmail })]);
    }

    /// <summary>Marks a follow-up acknowledged, by <c>actor</c> (and their e-mail address when known: the web pages know it, a command does not); false when there is no such unresolved follow-up.</summary>
    public Task<bool> AcknowledgeAsync(long id, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken, string? actorEmail = null) =>
        ChangeAsync(id, FollowUpStatus.Acknowledged, "Acknowledged", actor, actorEmail, note, at, cancellationToken);

    /// <summary>Resolves a follow-up by hand, by <c>actor</c> (and their e-mail address when known: the web pages know it, a command does not); false when there is no such unresolved follow-up.</summary>
    public Task<bool> ResolveAsync(long id, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken, string? actorEmail = null) =>
        ChangeAsync(id, FollowUpStatus.Resolved, "Resolved", actor, actorEmail, note, at, cancellationToken);

    private async Task<bool> ChangeAsync(long id, string status, string action, string actor, string? actorEmail, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Id = id, Status = status, Action = action, Actor = actor.Trim(), ActorEmail = string.IsNullOrWhiteSpace(actorEmail) ? null : actorEmail.Trim(), Note = note, Now = at.UtcDateTime };
        var changed = await connection.ExecuteAsync(new CommandDefinition(ChangeEventSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ChangeSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public string IndicatorCode { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        public string ServiceCode { get; init; } = "";

        public string Owner { get; init; } = "";

        public string Status { get; init; } = "";

        public long Level { get; init; }

        public DateTime RaisedAt { get; init; }

        public DateTime DueAt { get; init; }

        public string? Detail { get; init; }

        public string? CouncilCode { get; init; }

        public FollowUpRecord ToRecord() => new(Id, Kind, IndicatorCode, PeriodCode, ServiceCode, Owner, Status, (int)Level, RaisedAt, DueAt, Detail)
        {
            CouncilCode = CouncilCode,
        };
    }

    private sealed class EventRow
    {
        public DateTime OccurredAt { get; init; }

        public string Action { get; init; } = "";

        public string Status { get; init; } = "";

        public long Level { get; init; }

        public string? Actor { get; init; }

        public string? Note { get; init; }

        public string? ActorEmail { get; init; }
    }
}
