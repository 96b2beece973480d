using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

// No SQL Server runs here. The direction-of-travel statements use UPDATE … FROM (derived table) with the
// target named only in the SET and WHERE, a form SQLite and T-SQL both have; DacFx, given each statement
// as the body of a procedure over the sql/sqlserver schema, resolves every table and column it names.
public sealed class DirectionOfTravelSqlServerTests
{
    [Theory]
    [InlineData(nameof(DirectionOfTravelUpdate.JudgeOwnRowsSql), DirectionOfTravelUpdate.JudgeOwnRowsSql)]
    [InlineData(nameof(DirectionOfTravelUpdate.JudgeNeighboursSql), DirectionOfTravelUpdate.JudgeNeighboursSql)]
    public void DacFx_resolves_every_name_in_the_direction_of_travel_update(string name, string sql)
    {
        using var model = SqlServerModel.Build(SqlServerVersion.SqlAzure);
        model.AddObjects($"CREATE PROCEDURE dbo.check_{name} @SubmissionId int AS\nBEGIN\n{sql};\nEND");

        var errors = model.Validate().Where(m => m.MessageType == DacMessageType.Error).ToList();

        Assert.True(errors.Count == 0, $"DacFx found {errors.Count} error(s) in {name}:\n" + string.Join("\n", errors.Select(e => "  " + e)));
    }
}
