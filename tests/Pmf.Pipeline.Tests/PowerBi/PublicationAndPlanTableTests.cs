using Dapper;
using Pmf.Pipeline.PowerBi;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// The published results, the publication steps, the committees and the delivery plan in the generated
/// model, over the demo's warehouse with a committee, an action and Ashby Vale's first quarter published.
/// </summary>
public sealed class PublicationAndPlanTableTests(ReportingWarehouse warehouse, ITestOutputHelper output) : IClassFixture<ReportingWarehouse>
{
    private static readonly (string Table, string View)[] NewTables =
    [
        ("Published result", "v_result_published"), ("Publication", "v_publication"), ("Committee", "v_committee"),
        ("Committee item", "v_committee_item"), ("Action", "v_action"), ("Milestone", "v_milestone"),
        ("Action progress", "v_action_progress"), ("Published action progress", "v_action_progress_published"),
    ];

    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    private RoleFilterSql Sql => new(_model);

    [Fact]
    public void The_model_holds_published_results_publication_steps_committees_and_the_delivery_plan_with_their_relationships()
    {
        foreach (var (table, view) in NewTables)
        {
            var partition = Assert.Single(_model.Table(table).All("partition"));
            Assert.Contains($"Item = \"{view}\"", partition.Properties["source"]!, StringComparison.Ordinal);
        }

        var relationships = _model.Relationships
            .Select(r => (From: GeneratedProject.ColumnReference(r.Properties["fromColumn"]!), To: GeneratedProject.ColumnReference(r.Properties["toColumn"]!)))
            .Select(r => $"{r.From.Table}[{r.From.Column}] -> {r.To.Table}[{r.To.Column}]")
            .ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "Published result[Indicator code] -> Indicator[Indicator code]", "Published result[Period key] -> Period[Period key]",
            "Published result[Date key] -> Date[Date key]", "Published result[Council key] -> Council[Council key]",
            "Published result[Service key] -> Service[Service key]", "Published result[Priority key] -> Priority[Priority key]",
            "Publication[Council] -> Council[Council code]", "Publication[Period] -> Period[Period]",
            "Committee[Council code] -> Council[Council code]", "Committee item[Committee code] -> Committee[Committee code]",
            "Committee item[Item code] -> Indicator[Indicator code]", "Action[Council code] -> Council[Council code]",
            "Action[Priority key] -> Priority[Priority key]", "Action[Service code] -> Service[Service code]",
            "Milestone[Action key] -> Action[Action key]", "Milestone[Due date key] -> Date[Date key]",
            "Action progress[Action key] -> Action[Action key]", "Action progress[Period key] -> Period[Period key]", "Action progress[Date key] -> Date[Date key]",
            "Published action progress[Action key] -> Action[Action key]", "Published action progress[Period key] -> Period[Period key]",
            "Published action progress[Date key] -> Date[Date key]",
        ];
        Assert.Subset(relationships, expected.ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain(relationships, r => r.StartsWith("Committee item[Item code] -> Action", StringComparison.Ordinal));
    }

    [Fact]
    public void No_table_filters_another_by_two_paths()
    {
        // Power BI refuses a model where a filter can reach a table two ways (one side to many side, single direction).
        var paths = new Dictionary<(string, string), int>();
        void Walk(string start, string table)
        {
            foreach (var r in PmfModel.Relationships.Where(r => r.ToTable == table))
            {
                paths[(start, r.FromTable)] = paths.GetValueOrDefault((start, r.FromTable)) + 1;
                Walk(start, r.FromTable);
            }
        }

        foreach (var table in PmfModel.Tables)
        {
            Walk(table.Name, table.Name);
        }

        Assert.Empty(paths.Where(p => p.Value > 1).Select(p => $"{p.Key.Item1} reaches {p.Key.Item2} {p.Value} ways"));
        Assert.Equal(2, paths[("Council", "Milestone")] + paths[("Council", "Committee item")]); // through Action, through Committee
    }

    [Fact]
    public async Task Published_results_are_the_results_of_published_periods_only_and_every_row_finds_its_dimensions()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var published = (await connection.QueryAsync<(long Key, string Council, string Period)>(
            "SELECT p.\"Result key\", c.\"Council code\", p.\"Period\" FROM v_result_published AS p INNER JOIN v_council AS c ON c.\"Council key\" = p.\"Council key\"")).ToList();
        var expected = await connection.QueryAsync<long>("""
            SELECT r."Result key" FROM v_result AS r INNER JOIN v_period AS p ON p."Period key" = r."Period key"
            INNER JOIN v_council AS c ON c."Council key" = r."Council key"
            WHERE c."Council code" = 'ASH' AND p."Start date" >= '2026-04-01' AND p."End date" <= '2026-06-30'
            """);
        output.WriteLine($"Published results: {published.Count} (Ashby Vale, 2026-27 Q1)");
        Assert.NotEmpty(published);
        Assert.Equal(expected.Order(), published.Select(p => p.Key).Order());

        foreach (var relationship in PmfModel.Relationships.Where(r => NewTables.Any(t => t.Table == r.FromTable)))
        {
            var from = NewTables.Single(t => t.Table == relationship.FromTable).View;
            var onlyIndicators = relationship.FromTable == "Committee item" ? " AND f.\"Item kind\" = 'Indicator'" : "";
            var to = PmfModel.Tables.Single(t => t.Name == relationship.ToTable).View;
            var orphans = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM {from} AS f WHERE NOT EXISTS (SELECT 1 FROM {to} AS d WHERE d.\"{relationship.ToColumn}\" = f.\"{relationship.FromColumn}\"){onlyIndicators}");
            Assert.True(orphans == 0, $"{orphans} rows of {relationship.FromTable} find no {relationship.ToTable} for {relationship.FromColumn}");
        }
    }

    [Fact]
    public async Task Each_council_role_sees_its_own_publication_committees_and_plan_and_a_head_of_service_their_own_actions()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        async Task<long> Count(string role, string table, string user = "") =>
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM ({Sql.Visible(_model.Roles.Single(r => r.Name == role), table)})", new { user });

        var ash = new Dictionary<string, long>();
        foreach (var (table, _) in NewTables)
        {
            ash[table] = await Count("Council ASH", table);
            output.WriteLine($"{table}: Council ASH {ash[table]}, Council BRK {await Count("Council BRK", table)}");
            Assert.Equal(0, await Count("Council BRK", table)); // the committee, the action and the published quarter are Ashby Vale's
        }

        Assert.Equal(3, ash["Publication"]); // reviewed, approved, published
        Assert.Equal(1, ash["Committee"]);
        Assert.Equal(1, ash["Action"]);
        Assert.Equal(2, ash["Milestone"]);
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM v_result_published"), ash["Published result"]);
        // Ashby Vale's committee receives only Ashby Vale's indicators, though Bramley's Committee column names a
        // committee of the same name; the Ashby Vale role sees them all but the action item, which finds no
        // indicator (a known limit: docs/powerbi.md).
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM v_committee_item AS ci INNER JOIN v_indicator AS i ON i."Indicator code" = ci."Item code"
            WHERE ci."Item kind" = 'Indicator' AND i."Council code" <> 'ASH'
            """));
        var indicatorItems = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM v_committee_item AS ci INNER JOIN v_indicator AS i ON i."Indicator code" = ci."Item code"
            WHERE ci."Item kind" = 'Indicator' AND i."Council code" = 'ASH'
            """);
        Assert.True(indicatorItems > 0, "the committee receives no Ashby Vale indicator");
        Assert.Equal(indicatorItems, ash["Committee item"]);

        var owner = await connection.ExecuteScalarAsync<string>(
            "SELECT s.\"Head of service email\" FROM v_action AS a INNER JOIN v_service AS s ON s.\"Service code\" = a.\"Service code\"");
        var other = await connection.ExecuteScalarAsync<string>("SELECT \"Head of service email\" FROM v_service WHERE \"Head of service email\" <> @owner", new { owner });
        Assert.Equal(1, await Count("Head of service", "Action", owner!));
        Assert.Equal(2, await Count("Head of service", "Milestone", owner!));
        Assert.Equal(0, await Count("Head of service", "Action", other!));
        Assert.Equal(0, await Count("Head of service", "Milestone", other!));
    }
}
