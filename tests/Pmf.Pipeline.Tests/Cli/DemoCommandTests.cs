using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_builds_a_warehouse_from_the_sample_catalogue_and_a_second_run_changes_nothing()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(folder.File("catalogue.xlsx")));
        Assert.Contains("Ashby Vale District Council", output, StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("warehouse.db"));
        var first = await warehouse.CountsAsync();
        Assert.Equal(2, first["dim_council"]);
        Assert.True(first["dim_indicator"] >= 40);
        Assert.True(first["dim_service"] >= 6);
        Assert.True(first["fact_target"] > 0);

        var (again, secondOutput) = await CliRun.RunAsync("demo", "--out", folder.Path);

        Assert.Equal(0, again);
        Assert.Contains("nothing changed", secondOutput, StringComparison.Ordinal);
        Assert.Equal(first, await warehouse.CountsAsync());
    }

    [Fact]
    public async Task Demo_with_json_prints_a_document_scripts_can_read()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("loaded").GetBoolean());
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("summary").GetProperty("indicators").GetInt32() >= 40);
    }
}
