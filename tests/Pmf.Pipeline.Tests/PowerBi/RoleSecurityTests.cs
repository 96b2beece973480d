using System.Text.Json.Nodes;
using Dapper;
using Pmf.Pipeline.PowerBi;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// The generated roles over the demo's warehouse (returns and pulls): each role's filters are read from
/// the TMDL and evaluated in SQL (<see cref="RoleFilterSql"/>), so what each role would see is counted on
/// real rows, pulled submissions and their data-quality issues included.
/// </summary>
public sealed class RoleSecurityTests(ReportingWarehouse warehouse, ITestOutputHelper output) : IClassFixture<ReportingWarehouse>
{
    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    private RoleFilterSql Sql => new(_model);

    private TmdlObject Role(string name) => _model.Roles.Single(r => r.Name == name);

    [Fact]
    public void Every_fact_table_is_restricted_for_every_role_but_the_performance_team()
    {
        // A fact is the many side of a relationship; every table is a fact or a dimension of one, so a new table is covered here.
        var facts = PmfModel.Relationships.Select(r => r.FromTable).Distinct().ToList();
        Assert.All(_model.Tables, t => Assert.Contains(PmfModel.Relationships, r => r.FromTable == t.Name || r.ToTable == t.Name));
        Assert.Equal(
            ["Action", "Action progress", "Committee", "Committee item", "Data-quality issue", "Finance", "Follow-up", "Milestone", "Publication", "Published action progress", "Published finance", "Published result", "Result", "Submission"],
            facts.Order(StringComparer.Ordinal));
        Assert.Equal(["Council ASH", "Council BRK", "Head of service", "Performance team"], _model.Roles.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var role in _model.Roles.Where(r => r.Name != PmfModel.PerformanceTeam))
        {
            // The councils' governance records concern a council, not a service: heads of service see them whole.
            string[] wholeToHeads = ["Committee", "Committee item", "Publication"];
            Assert.All(facts.Where(t => role.Name != "Head of service" || !wholeToHeads.Contains(t)), table => Assert.False(Sql.Unrestricted(role, table), $"{role.Name} sees every row of {table}"));
            if (role.Name == "Head of service")
            {
                Assert.All(wholeToHeads, table => Assert.True(Sql.Unrestricted(role, table), $"a head of service does not see all of {table}"));
            }
        }

        var team = Role(PmfModel.PerformanceTeam);
        Assert.All(_model.Tables, t => Assert.True(Sql.Unrestricted(team, t.Name), $"the performance team does not see all of {t.Name}"));
    }

    [Fact]
    public async Task Every_submission_and_data_quality_issue_pulled_ones_included_is_seen_by_the_head_of_its_service_and_no_other()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var heads = (await connection.QueryAsync<string>("SELECT DISTINCT \"Head of service email\" FROM v_service")).ToList();
        var role = Role("Head of service");
        foreach (var (table, id) in new[] { ("Submission", "Submission id"), ("Data-quality issue", "Issue id"), ("Result", "Result key"), ("Follow-up", "Follow-up id") })
        {
            var all = (await connection.QueryAsync<long>($"SELECT \"{id}\" FROM {PmfModel.Tables.Single(t => t.Name == table).View}")).ToHashSet();
            var seen = new Dictionary<long, int>();
            foreach (var head in heads)
            {
                foreach (var row in await connection.QueryAsync<long>($"SELECT \"{id}\" FROM ({Sql.Visible(role, table)})", new { user = head }))
                {
                    seen[row] = seen.GetValueOrDefault(row) + 1;
                }
            }

            output.WriteLine($"{table}: {all.Count} rows, {seen.Count} seen by the head of their service");
            Assert.Equal(all.Order(), seen.Keys.Order());
            Assert.All(seen, s => Assert.Equal(1, s.Value)); // each service has its own head in the demo, so no row is seen twice
        }

        var pulled = await connection.QueryAsync<long>("SELECT \"Submission id\" FROM v_submission WHERE \"Source kind\" = 'Pull'");
        Assert.Equal(2, pulled.Count());
        Assert.Empty(await connection.QueryAsync<long>($"SELECT \"Submission id\" FROM ({Sql.Visible(role, "Submission")})", new { user = "someone.else@example.org" }));
    }

    [Fact]
    public async Task Council_roles_see_their_councils_submissions_issues_and_results_and_not_another_councils()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var seenBy = new Dictionary<string, HashSet<long>>();
        foreach (var council in new[] { "ASH", "BRK" })
        {
            var role = Role("Council " + council);
            var concerned = (await connection.QueryAsync<long>("""
                SELECT DISTINCT sc.submission_id FROM v_submission_scope AS sc
                INNER JOIN dim_council AS c ON c.council_key = sc.council_key WHERE c.council_code = @council
                """, new { council })).ToHashSet();
            seenBy[council] = (await connection.QueryAsync<long>($"SELECT \"Submission id\" FROM ({Sql.Visible(role, "Submission")})", new { user = "" })).ToHashSet();
            Assert.Equal(concerned.Order(), seenBy[council].Order());

            var foreignIssues = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM ({Sql.Visible(role, "Data-quality issue")}) AS q WHERE q.\"Indicator code\" NOT LIKE @prefix", new { user = "", prefix = council + "-%" });
            var ownIssues = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM ({Sql.Visible(role, "Data-quality issue")})", new { user = "" });
            var foreignResults = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM ({Sql.Visible(role, "Result")}) AS r WHERE r.\"Indicator code\" NOT LIKE @prefix", new { user = "", prefix = council + "-%" });
            var ownResults = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM ({Sql.Visible(role, "Result")})", new { user = "" });
            output.WriteLine($"Council {council}: {seenBy[council].Count} submissions, {ownIssues} data-quality issues, {ownResults} results");
            Assert.Equal(0, foreignIssues);
            Assert.Equal(0, foreignResults);
            Assert.True(ownResults > 0 && ownIssues > 0, $"Council {council} sees no results or no issues");
        }

        var all = (await connection.QueryAsync<long>("SELECT \"Submission id\" FROM v_submission")).ToHashSet();
        Assert.Equal(all.Order(), seenBy["ASH"].Union(seenBy["BRK"]).Order()); // every submission concerns some council
        Assert.NotEmpty(seenBy["ASH"].Except(seenBy["BRK"])); // the demo's corrected return holds only Ashby Vale's figures
        var pulls = (await connection.QueryAsync<long>("SELECT \"Submission id\" FROM v_submission WHERE \"Source kind\" = 'Pull'")).ToHashSet();
        Assert.Subset(seenBy["ASH"].Intersect(seenBy["BRK"]).ToHashSet(), pulls); // the service systems hold both councils' figures
    }

    [Fact]
    public void File_names_and_sender_addresses_are_hidden_from_every_role_but_the_performance_team()
    {
        var senderColumns = _model.Tables
            .SelectMany(t => t.All("column").Where(c => PmfModel.SenderColumns.Contains(c.Name)).Select(c => (Table: t.Name, Column: c.Name)))
            .ToList();
        Assert.Contains(("Submission", "Sender"), senderColumns);
        Assert.Contains(("Data-quality issue", "File"), senderColumns);
        Assert.Contains(("Result", "Sender"), senderColumns);

        foreach (var role in _model.Roles)
        {
            var hidden = role.All("tablePermission")
                .SelectMany(p => p.All("columnPermission").Select(c => (Table: p.Name, Column: c.Name, Permission: c.Expression)))
                .ToList();
            if (role.Name == PmfModel.PerformanceTeam)
            {
                Assert.Empty(hidden);
                continue;
            }

            Assert.All(hidden, h => Assert.Equal("none", h.Permission));
            Assert.Equal(senderColumns.Order(), hidden.Select(h => (h.Table, h.Column)).Order());
        }
    }

    [Fact]
    public void No_visual_of_the_starter_report_shows_a_column_a_role_cannot_see()
    {
        var definition = Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", "definition");
        var hidden = _model.Roles.SelectMany(r => r.All("tablePermission").SelectMany(p => p.All("columnPermission").Select(c => $"\"Entity\": \"{p.Name}\"\n}}\n}},\n\"Property\": \"{c.Name}\"")))
            .ToHashSet();
        Assert.NotEmpty(hidden);
        foreach (var file in Directory.GetFiles(definition, "visual.json", SearchOption.AllDirectories))
        {
            var text = JsonNode.Parse(File.ReadAllText(file))!.ToJsonString();
            foreach (var visual in PmfReport.Pages.SelectMany(p => p.Visuals))
            {
                Assert.DoesNotContain(visual.Roles.SelectMany(r => r.Value), f => !f.IsMeasure && PmfModel.SenderColumns.Contains(f.Name));
            }

            Assert.DoesNotContain("\"Property\":\"Sender\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Property\":\"File\"", text, StringComparison.Ordinal);
        }
    }
}
