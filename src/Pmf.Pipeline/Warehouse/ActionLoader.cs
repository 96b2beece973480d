using System.Data.Common;
using System.Globalization;
using Dapper;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Loads a framework's delivery-plan actions and milestones inside the catalogue load's transaction:
/// actions are updated in place (one dropped from the catalogue is kept, no longer current), and the
/// milestones are rewritten from the catalogue each time.
/// </summary>
internal static class ActionLoader
{
    internal const string RetireActionsSql = "UPDATE dim_action SET is_current = 0";

    internal const string UpdateActionSql = """
        UPDATE dim_action
        SET action_name = @Name, lead_officer = @LeadOfficer, start_date = @Start, end_date = @End, is_current = 1,
            council_key = (SELECT c.council_key FROM dim_council AS c WHERE c.council_code = @CouncilCode),
            priority_key = (SELECT p.priority_key FROM dim_priority AS p INNER JOIN dim_council AS c ON c.council_key = p.council_key
                            WHERE c.council_code = @CouncilCode AND p.priority_code = @PriorityCode AND p.objective_code = @ObjectiveCode),
            service_key = (SELECT s.service_key FROM dim_service AS s WHERE s.service_code = @ServiceCode)
        WHERE action_code = @Code
        """;

    internal const string InsertActionSql = """
        INSERT INTO dim_action (action_code, action_name, council_key, priority_key, service_key, lead_officer, start_date, end_date, is_current)
        SELECT @Code, @Name, c.council_key, p.priority_key, s.service_key, @LeadOfficer, @Start, @End, 1
        FROM dim_council AS c
        INNER JOIN dim_priority AS p ON p.council_key = c.council_key AND p.priority_code = @PriorityCode AND p.objective_code = @ObjectiveCode
        INNER JOIN dim_service AS s ON s.service_code = @ServiceCode
        WHERE c.council_code = @CouncilCode AND NOT EXISTS (SELECT 1 FROM dim_action AS a WHERE a.action_code = @Code)
        """;

    internal const string DeleteMilestonesSql = "DELETE FROM dim_milestone";

    internal const string InsertMilestoneSql = """
        INSERT INTO dim_milestone (action_key, milestone_name, due_date, due_date_key)
        SELECT a.action_key, @Name, @Due, @DueKey FROM dim_action AS a WHERE a.action_code = @ActionCode
        """;

    public static async Task LoadAsync(DbConnection connection, DbTransaction transaction, Framework framework, CancellationToken cancellationToken)
    {
        var actions = framework.Actions.Select(a => new
        {
            a.Code,
            a.Name,
            a.CouncilCode,
            a.PriorityCode,
            ObjectiveCode = a.ObjectiveCode ?? string.Empty,
            a.ServiceCode,
            a.LeadOfficer,
            a.Start,
            a.End,
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(RetireActionsSql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpdateActionSql, actions, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertActionSql, actions, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteMilestonesSql, transaction: transaction, cancellationToken: cancellationToken));
        var milestones = framework.Milestones.Select(m => new
        {
            m.ActionCode,
            m.Name,
            m.Due,
            DueKey = int.Parse(m.Due.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(InsertMilestoneSql, milestones, transaction, cancellationToken: cancellationToken));
    }
}
