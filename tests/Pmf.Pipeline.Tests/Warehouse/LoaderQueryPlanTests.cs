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
        { nameof(DirectionOfTravelUpdate.JudgeOwnRowsSql), DirectionOfTravelUpdate.JudgeOwnRowsSql },
        { nameof(DirectionOfTravelUpdate.JudgeNeighboursSql), DirectionOfTravelUpdate.JudgeNeighboursSql },
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

    [Fact]
    public async Task Neighbours_of_a_submissions_rows_are_found_by_indicator_and_period_not_by_indicator_alone()
    {
        // Without the unique indexes on dim_period (0006), SQLite reads every current row of the indicator
        // for each row of the submission: still a SEARCH, but 25-35 s at a million rows instead of ~1 s.
        using var w = await LoaderWarehouse.CreateAsync();
        await using var connection = await w.Warehouse.OpenAsync();

        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + DirectionOfTravelUpdate.JudgeNeighboursSql, new { SubmissionId = 1 })).Select(p => p.Detail).ToList();

        var neighbourSearches = plan.Where(d => d.StartsWith("SEARCH n ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, neighbourSearches.Count);
        Assert.All(neighbourSearches, d => Assert.Contains("(indicator_code=? AND period_key=?)", d, StringComparison.Ordinal));
    }
}
