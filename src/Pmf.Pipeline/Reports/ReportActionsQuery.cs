using System.Data.Common;
using System.Globalization;
using Dapper;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The delivery-plan actions a report shows: the council's current actions in plan order, each with its latest
/// current update for a period ending on or before the report's last day (<c>v_action_progress</c>).
/// </summary>
internal static class ReportActionsQuery
{
    internal const string ActionsSql = """
        SELECT a.action_code AS Code, a.action_name AS Name, pr.priority_code AS PriorityCode, pr.objective_code AS ObjectiveCode,
               s.service_name AS ServiceName, a.lead_officer AS LeadOfficer, a.end_date AS EndDate,
               u."Period" AS PeriodCode, u."Status" AS Status, u."Percent complete" AS PercentComplete, u."Commentary" AS Commentary,
               u."Revised date" AS RevisedDate, u."Revision reason" AS RevisionReason, u."Completion date" AS CompletionDate,
               u."Delivery RAG" AS Rag, u."Delivery" AS Label
        FROM dim_action AS a
        INNER JOIN dim_council AS c ON c.council_key = a.council_key
        INNER JOIN dim_priority AS pr ON pr.priority_key = a.priority_key
        INNER JOIN dim_service AS s ON s.service_key = a.service_key
        LEFT JOIN v_action_progress AS u ON u."Action key" = a.action_key
             AND u."Date key" = (SELECT MAX(l."Date key") FROM v_action_progress AS l WHERE l."Action key" = a.action_key AND l."Date key" <= @EndKey)
        WHERE a.is_current = 1 AND c.council_code = @Council
        ORDER BY pr.priority_key, a.action_code
        """;

    internal const string CommitteeActionsSql = """
        SELECT i.item_code
        FROM committee_item AS i
        INNER JOIN dim_committee AS m ON m.committee_key = i.committee_key
        WHERE m.committee_code = @Committee AND i.item_kind = 'Action'
        """;

    public static async Task<IReadOnlyList<ReportedAction>> LoadAsync(DbConnection connection, string council, DateOnly end, CancellationToken cancellationToken)
    {
        var endKey = int.Parse(end.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var rows = await connection.QueryAsync<ActionRow>(new CommandDefinition(ActionsSql, new { Council = council, EndKey = endKey }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAction())];
    }

    public static async Task<HashSet<string>> CommitteeCodesAsync(DbConnection connection, string committee, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(CommitteeActionsSql, new { Committee = committee }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static DateOnly? Date(object? value) => value switch
    {
        null or DBNull => null,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        DateOnly date => date,
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private sealed class ActionRow
    {
        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string PriorityCode { get; init; } = "";

        public string ObjectiveCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string? LeadOfficer { get; init; }

        public object? EndDate { get; init; }

        public string? PeriodCode { get; init; }

        public string? Status { get; init; }

        public object? PercentComplete { get; init; }

        public string? Commentary { get; init; }

        public object? RevisedDate { get; init; }

        public string? RevisionReason { get; init; }

        public object? CompletionDate { get; init; }

        public string? Rag { get; init; }

        public string? Label { get; init; }

        public ReportedAction ToAction() => new(
            Code, Name, PriorityCode, ObjectiveCode, ServiceName, LeadOfficer, Date(EndDate),
            PeriodCode is null || Status is null || Rag is null || Label is null
                ? null
                : new ActionUpdate(PeriodCode, Status, PerformanceReportQuery.Number(PercentComplete), Commentary, Date(RevisedDate), RevisionReason, Date(CompletionDate),
                    new DeliveryRag(WarehouseText.ParseRag(Rag), Label)));
    }
}
