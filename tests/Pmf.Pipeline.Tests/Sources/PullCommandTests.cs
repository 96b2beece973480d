using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class PullCommandTests
{
    [Fact]
    public async Task Pmf_pull_runs_the_named_source_from_the_settings_file_and_shows_its_outcome()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(("ASH-REV-01", "2026-10-01", 5950m, 10000m, 59.5m));
        using var folder = new TempFolder();
        var config = Settings(folder, revenues, failing: false);

        var (exit, output) = await CliRun.RunAsync("pull", "--source", "revenues-db", "--as-of", "2026-11-23T09:00:00Z", "--config", config, "--connection", Connection(harness));

        Assert.Equal(0, exit);
        Assert.Contains("revenues-db", output, StringComparison.Ordinal);
        Assert.Contains("Loaded", output, StringComparison.Ordinal);
        Assert.Contains("2026/27 M07 to 2026/27 M07", output, StringComparison.Ordinal);
        Assert.Single(await harness.QueryAsync<long>("SELECT result_key FROM fact_result WHERE indicator_code = 'ASH-REV-01'"));
    }

    [Fact]
    public async Task Pmf_pull_exits_1_when_a_source_fails_and_2_for_a_source_nobody_defined()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(("ASH-REV-01", "2026-10-01", 5950m, 10000m, 59.5m));
        using var folder = new TempFolder();
        var config = Settings(folder, revenues, failing: true);

        var (failed, failedOutput) = await CliRun.RunAsync("pull", "--config", config, "--connection", Connection(harness));
        var (unknown, unknownOutput) = await CliRun.RunAsync("pull", "--source", "planning", "--config", config, "--connection", Connection(harness));

        Assert.Equal(1, failed);
        Assert.Contains("revenues-db: Source 'revenues-db': the database query failed", failedOutput, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Contains("No source is called 'planning'; the sources are: revenues-db.", unknownOutput, StringComparison.Ordinal);
    }

    private static string Connection(PullHarness harness) => harness.Ingest.Warehouse.Options.ConnectionString;

    private static string Settings(TempFolder folder, ServiceSystemDatabase revenues, bool failing)
    {
        var settings = new
        {
            Pmf = new
            {
                Sources = new Dictionary<string, object>
                {
                    ["revenues-db"] = new
                    {
                        Kind = "sql",
                        BackfillFrom = "2026-10-01",
                        Sql = new
                        {
                            Provider = "Microsoft.Data.Sqlite",
                            ConnectionStringSetting = "ConnectionStrings:Revenues",
                            Query = failing ? "SELECT * FROM no_such_table" : ServiceSystemDatabase.Query,
                        },
                        Mapping = new { Numerator = "numerator", Denominator = "denominator" },
                        Resilience = new { Retries = 0 },
                    },
                },
            },
            ConnectionStrings = new { Revenues = revenues.ConnectionString },
        };
        var path = folder.File("pmf.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }
}
