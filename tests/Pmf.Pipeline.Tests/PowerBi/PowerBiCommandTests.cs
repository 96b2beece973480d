using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.PowerBi;

public sealed class PowerBiCommandTests
{
    [Fact]
    public async Task Powerbi_writes_the_project_and_extracts_for_a_sqlite_warehouse()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("warehouse.db")}";
        Assert.Equal(0, (await CliRun.RunAsync("init", "--connection", connection)).ExitCode);

        var (exit, output) = await CliRun.RunAsync("powerbi", "--out", folder.File("bi"), "--connection", connection, "--json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(20, json.RootElement.GetProperty("tables").GetInt32()); // with Action progress, Finance and their published views
        Assert.True(File.Exists(folder.File("bi/PmfPipeline.pbip")));
        Assert.True(File.Exists(folder.File("bi/PmfPipeline.SemanticModel/definition/tables/Result.tmdl")));
        Assert.True(File.Exists(folder.File("bi/extracts/v_result.csv")));
    }

    [Fact]
    public async Task Powerbi_on_a_warehouse_without_the_reporting_views_says_to_run_init()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("empty.db"), []);

        var (exit, output) = await CliRun.RunAsync("powerbi", "--out", folder.File("bi"), "--connection", $"Data Source={folder.File("empty.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("run 'pmf init'", output, StringComparison.Ordinal);
    }
}
