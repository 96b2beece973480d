using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// What the warehouse holds, as a <see cref="Framework"/> the catalogue workbook writer writes (<c>pmf catalogue
/// export</c>): the councils, priorities and services, each indicator's current definition, the targets in force,
/// the current committees and what they receive, the delivery plans. Loaded back, it changes nothing.
/// </summary>
/// <remarks>
/// Targets are held per period; those set for a whole year (<c>set_for = 'Year'</c>) are written back as the
/// year's one target. Committee items are held resolved to indicators and actions; those an indicator's own
/// Committee column already sends are left to that column.
/// </remarks>
/// <param name="database">The warehouse.</param>
public sealed class CatalogueExport(WarehouseDatabase database)
{
    internal const string CouncilsSql = "SELECT council_code AS Code, council_name AS Name, nation AS Nation FROM dim_council ORDER BY council_key";

    internal const string PrioritiesSql = """
        SELECT c.council_code AS CouncilCode, p.priority_code AS Code, p.priority_name AS Name,
               p.objective_code AS ObjectiveCode, p.objective_name AS ObjectiveName
        FROM dim_priority p
        INNER JOIN dim_council c ON c.council_key = p.council_key
        ORDER BY p.priority_key
        """;

    internal const string ServicesSql = """
        SELECT service_code AS Code, service_name AS Name, head_of_service AS HeadOfService,
               head_of_service_email AS HeadOfServiceEmail, director AS Director, director_email AS DirectorEmail
        FROM dim_service
        ORDER BY service_key
        """;

    internal const string TargetsSql = """
        SELECT t.indicator_code AS IndicatorCode, t.period_key AS PeriodKey, t.target_value AS Value,
               t.amber_threshold AS AmberThreshold, t.set_for AS SetFor, v.reason AS Reason
        FROM fact_target t
        LEFT JOIN target_version v ON v.target_version_id = t.target_version_id
        ORDER BY t.indicator_code, t.period_key
        """;

    internal const string CommitteesSql = """
        SELECT m.committee_code AS Code, m.committee_name AS Name, c.council_code AS CouncilCode,
               m.committee_kind AS Kind, m.performance_monitors AS Monitors
        FROM dim_committee m
        INNER JOIN dim_council c ON c.council_key = m.council_key
        WHERE m.is_current = 1
        ORDER BY m.committee_key
        """;

    internal const string CommitteeItemsSql = """
        SELECT m.committee_code AS CommitteeCode, i.item_kind AS Kind, i.item_code AS Code
        FROM committee_item i
        INNER JOIN dim_committee m ON m.committee_key = i.committee_key
        WHERE m.is_current = 1
        ORDER BY m.committee_key, i.item_kind, i.item_code
        """;

    internal const string ActionsSql = """
        SELECT a.action_code AS Code, a.action_name AS Name, c.council_code AS CouncilCode, p.priority_code AS PriorityCode,
               p.objective_code AS ObjectiveCode, s.service_code AS ServiceCode, a.lead_officer AS LeadOfficer,
               a.start_date AS StartDate, a.end_date AS EndDate
        FROM dim_action a
        INNER JOIN dim_council c ON c.council_key = a.council_key
        INNER JOIN dim_priority p ON p.priority_key = a.priority_key
        INNER JOIN dim_service s ON s.service_key = a.service_key
        WHERE a.is_current = 1
        ORDER BY a.action_key
        """;

    internal const string MilestonesSql = """
        SELECT a.action_code AS ActionCode, m.milestone_name AS Name, m.due_date AS Due
        FROM dim_milestone m
        INNER JOIN dim_action a ON a.action_key = m.action_key
        WHERE a.is_current = 1
        ORDER BY m.milestone_key
        """;

    /// <summary>Reads the catalogue the warehouse holds.</summary>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task<Framework> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var councils = (await QueryAsync<CouncilRow>(connection, CouncilsSql, cancellationToken))
            .Select(c => new Council(c.Code, c.Name, NationNames.TryRead(c.Nation, out var nation) ? nation : Nation.England)).ToList();
        var priorities = (await QueryAsync<PriorityRow>(connection, PrioritiesSql, cancellationToken))
            .Select(p => new Priority(p.CouncilCode, p.Code, p.Name, Blank(p.ObjectiveCode), Blank(p.ObjectiveName))).ToList();
        var services = (await QueryAsync<Service>(connection, ServicesSql, cancellationToken)).ToList();
        var indicators = (await IndicatorVersions.ReadAsync(connection, cancellationToken)).Values
            .Where(versions => versions[^1].ValidTo is null)
            .Select(versions => versions[^1].Definition)
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .ToList();
        var targets = Targets(await QueryAsync<TargetRow>(connection, TargetsSql, cancellationToken));
        var committees = (await QueryAsync<CommitteeRow>(connection, CommitteesSql, cancellationToken))
            .Select(c => new Committee(c.Code, c.Name, c.CouncilCode, Enum.Parse<CommitteeKind>(c.Kind, ignoreCase: true), CommitteeScope.Split(c.Monitors)))
            .ToList();
        var actions = (await QueryAsync<ActionRow>(connection, ActionsSql, cancellationToken))
            .Select(a => new DeliveryAction(a.Code, a.Name, a.CouncilCode, a.PriorityCode, Blank(a.ObjectiveCode), a.ServiceCode, a.LeadOfficer, Day(a.StartDate), Day(a.EndDate)))
            .ToList();
        var milestones = (await QueryAsync<MilestoneRow>(connection, MilestonesSql, cancellationToken))
            .Select(m => new Milestone(m.ActionCode, m.Name, Day(m.Due)!.Value)).ToList();
        var framework = new Framework(councils, priorities, services, indicators, targets) { Committees = committees, Actions = actions, Milestones = milestones };

        // What each committee receives beyond what its indicators' own Committee column sends it.
        var items = await QueryAsync<ItemRow>(connection, CommitteeItemsSql, cancellationToken);
        var implied = committees.ToDictionary(c => c.Code, c => CommitteeScope.Indicators(framework, c).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        return framework with
        {
            CommitteeItems = [.. items
                .Select(i => new CommitteeItem(i.CommitteeCode, i.Kind == "Action" ? CommitteeItemKind.Action : CommitteeItemKind.Indicator, i.Code))
                .Where(i => i.Kind == CommitteeItemKind.Action || !implied[i.CommitteeCode].Contains(i.Code))],
        };
    }

    /// <summary>Per-period targets set for a year become that year's one target again; those set for a period stay.</summary>
    private static List<Target> Targets(IEnumerable<TargetRow> rows)
    {
        var targets = new List<Target>();
        foreach (var group in rows.GroupBy(r => (r.IndicatorCode, Year: PeriodKeys.ToPeriod((int)r.PeriodKey).Year.StartYear, ForYear: r.SetFor == "Year")))
        {
            if (group.Key.ForYear)
            {
                var first = group.First();
                targets.Add(new Target(first.IndicatorCode, Period.Annual(group.Key.Year), Number(first.Value), NullableNumber(first.AmberThreshold)) { Reason = first.Reason });
                continue;
            }

            targets.AddRange(group.Select(r => new Target(r.IndicatorCode, PeriodKeys.ToPeriod((int)r.PeriodKey), Number(r.Value), NullableNumber(r.AmberThreshold)) { Reason = r.Reason }));
        }

        return targets;
    }

    private static async Task<IEnumerable<T>> QueryAsync<T>(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken));

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static decimal Number(object value) => Columns.Number(value) ?? 0m;

    private static decimal? NullableNumber(object? value) => Columns.Number(value);

    private static DateOnly? Day(object? value) => value switch
    {
        null or DBNull => null,
        DateTime date => DateOnly.FromDateTime(date),
        DateOnly date => date,
        _ => DateOnly.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)![..10], System.Globalization.CultureInfo.InvariantCulture),
    };

    private sealed record CouncilRow(string Code, string Name, string? Nation);

    private sealed record PriorityRow(string CouncilCode, string Code, string Name, string? ObjectiveCode, string? ObjectiveName);

    private sealed class TargetRow
    {
        public string IndicatorCode { get; init; } = "";

        public long PeriodKey { get; init; }

        public object Value { get; init; } = 0m;

        public object? AmberThreshold { get; init; }

        public string SetFor { get; init; } = "";

        public string? Reason { get; init; }
    }

    private sealed record CommitteeRow(string Code, string Name, string CouncilCode, string Kind, string? Monitors);

    private sealed record ItemRow(string CommitteeCode, string Kind, string Code);

    private sealed class ActionRow
    {
        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string CouncilCode { get; init; } = "";

        public string PriorityCode { get; init; } = "";

        public string? ObjectiveCode { get; init; }

        public string ServiceCode { get; init; } = "";

        public string? LeadOfficer { get; init; }

        public object? StartDate { get; init; }

        public object? EndDate { get; init; }
    }

    private sealed class MilestoneRow
    {
        public string ActionCode { get; init; } = "";

        public string Name { get; init; } = "";

        public object? Due { get; init; }
    }
}
