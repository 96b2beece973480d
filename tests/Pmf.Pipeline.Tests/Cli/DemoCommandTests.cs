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
        Assert.True(first["submission"] > 40, "two years of returns from every service, and the pulls");
        Assert.True(first["source_run"] >= 2, "the REST and the SQL source were pulled");
        Assert.True(first["follow_up"] > 0, "the sweep raised follow-ups");
        Assert.NotEmpty(Directory.GetFiles(folder.File("outbox"), "*.eml"));
        Assert.True(File.Exists(Path.Combine(folder.Path, "powerbi", "PmfPipeline.pbip")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, "reports"), "* performance report.html").Length);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "storage", "rejected"), "*.report.html", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(folder.Path, "storage", "processed"), "*.report.html", SearchOption.AllDirectories)));

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
