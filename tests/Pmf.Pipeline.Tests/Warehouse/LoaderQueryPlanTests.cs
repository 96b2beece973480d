using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// The set-based statements run once per submission against a fact table that only grows; each must
/// reach fact_result through an index, never by scanning it (that would make every load slower than the last).
/// </summary>
public sealed class LoaderQueryPlanTests
{
    public static TheoryData<string, string> Statements => new()
    {
        { nameof(Supersession.SupersedeEarlierSql), Supersession.SupersedeEarlierSql },
        { nameof(Supersession.SupersedeRepeatsSql), Supersession.SupersedeRepeatsSql },
        { nameof(Supersession.MakeCurrentSql), Supersession.MakeCurrentSql },
        { nameof(Supersession.DiscardResultsSql), Supersession.DiscardResultsSql },
        { nameof(DirectionOfTravelUpdate.UpdateDirectionSql), DirectionOfTravelUpdate.UpdateDirectionSql },
        { nameof(GateContextQuery.ServiceHistorySql), GateContextQuery.ServiceHistorySql },
        { nameof(GateContextQuery.ServiceTargetsSql), GateContextQuery.ServiceTargetsSql },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task Set_based_statements_reach_fact_tables_through_an_index(string name, string sql)
    {
        using var w = await LoaderWarehouse.CreateAsync();
        await using var connection = await w.Warehouse.OpenAsync();

        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, new { SubmissionId = 1, ServiceCode = "HOU", FromPeriodKey = 202200 })).Select(p => p.Detail).ToList();

        var scans = plan.Where(d => d.StartsWith("SCAN ", StringComparison.Ordinal) && !d.StartsWith("SCAN i", StringComparison.Ordinal)).ToList();
        Assert.True(scans.Count == 0, $"{name} scans: {string.Join("; ", scans)}\n{string.Join("\n", plan)}");
    }
}
