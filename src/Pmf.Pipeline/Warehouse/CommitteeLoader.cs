using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Loads a framework's committees and what each receives, inside the catalogue load's transaction:
/// committees are updated in place (one dropped from the catalogue is kept, no longer current), and
/// their items are rewritten from the catalogue each time.
/// </summary>
internal static class CommitteeLoader
{
    internal const string RetireCommitteesSql = "UPDATE dim_committee SET is_current = 0";

    internal const string UpdateCommitteeSql = """
        UPDATE dim_committee
        SET committee_name = @Name, committee_kind = @Kind, performance_monitors = @Monitors, is_current = 1,
            council_key = (SELECT c.council_key FROM dim_council AS c WHERE c.council_code = @CouncilCode)
        WHERE committee_code = @Code
        """;

    internal const string InsertCommitteeSql = """
        INSERT INTO dim_committee (committee_code, committee_name, council_key, committee_kind, performance_monitors, is_current)
        SELECT @Code, @Name, c.council_key, @Kind, @Monitors, 1
        FROM dim_council AS c
        WHERE c.council_code = @CouncilCode AND NOT EXISTS (SELECT 1 FROM dim_committee AS m WHERE m.committee_code = @Code)
        """;

    internal const string DeleteItemsSql = "DELETE FROM committee_item";

    internal const string InsertItemSql = """
        INSERT INTO committee_item (committee_key, item_kind, item_code)
        SELECT m.committee_key, @Kind, @Code FROM dim_committee AS m WHERE m.committee_code = @Committee
        """;

    public static async Task LoadAsync(DbConnection connection, DbTransaction transaction, Framework framework, CancellationToken cancellationToken)
    {
        var committees = framework.Committees.Select(c => new
        {
            c.Code,
            c.Name,
            c.CouncilCode,
            Kind = c.Kind.ToString(),
            Monitors = c.Monitors.Count == 0 ? null : string.Join("; ", c.Monitors),
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(RetireCommitteesSql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpdateCommitteeSql, committees, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertCommitteeSql, committees, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteItemsSql, transaction: transaction, cancellationToken: cancellationToken));
        var items = framework.Committees
            .SelectMany(c => CommitteeScope.Indicators(framework, c).Select(code => new { Committee = c.Code, Kind = nameof(CommitteeItemKind.Indicator), Code = code })
                .Concat(CommitteeScope.Actions(framework, c).Select(code => new { Committee = c.Code, Kind = nameof(CommitteeItemKind.Action), Code = code })))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(InsertItemSql, items, transaction, cancellationToken: cancellationToken));
    }
}
