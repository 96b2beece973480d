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
               f.raised_at AS RaisedAt, f.due_at AS DueAt, f.detail AS Detail
        FROM follow_up f
        JOIN dim_service s ON s.service_key = f.service_key
        JOIN dim_period p ON p.period_key = f.period_key
        WHERE (@All = 1 OR f.status <> 'Resolved') AND (@Service IS NULL OR s.service_code = @Service)
        ORDER BY s.service_code, f.kind, f.indicator_code, f.period_key
        """;

    internal const string ChangeEventSql = """
        INSERT INTO follow_up_event (follow_up_id, occurred_at, action, status, escalation_level, actor, note)
        SELECT follow_up_id, @Now, @Action, @Status, escalation_level, @Actor, @Note
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
            ListSql, new { All = includeResolved ? 1 : 0, Service = serviceCode?.Trim().ToUpperInvariant() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FollowUpRecord(r.Id, r.Kind, r.IndicatorCode, r.PeriodCode, r.ServiceCode, r.Owner, r.Status, (int)r.Level, r.RaisedAt, r.DueAt, r.Detail))];
    }

    /// <summary>Marks a follow-up acknowledged; false when there is no such unresolved follow-up.</summary>
    public Task<bool> AcknowledgeAsync(long id, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(id, FollowUpStatus.Acknowledged, "Acknowledged", actor, note, at, cancellationToken);

    /// <summary>Resolves a follow-up by hand; false when there is no such unresolved follow-up.</summary>
    public Task<bool> ResolveAsync(long id, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(id, FollowUpStatus.Resolved, "Resolved", actor, note, at, cancellationToken);

    private async Task<bool> ChangeAsync(long id, string status, string action, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Id = id, Status = status, Action = action, Actor = actor.Trim(), Note = note, Now = at.UtcDateTime };
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
    }
}
