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
    public async Task After_the_demo_the_next_commands_work_on_the_demos_own_warehouse_through_the_settings_it_leaves()
    {
        using var folder = new TempFolder();
        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);
        Assert.True(exit == 0, output);
        Assert.Contains("pmf.json", output, StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("warehouse.db"));
        var open = await warehouse.ScalarAsync("SELECT COUNT(*) FROM follow_up WHERE status IN ('Open', 'Acknowledged')");
        Assert.True(open > 0, "the demo's sweep raised follow-ups");

        // The settings file's paths are relative to the file, so this works from any folder.
        var (listed, json) = await CliRun.RunAsync("--config", folder.File("pmf.json"), "--json", "followup", "list");

        Assert.True(listed == 0, json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(open, document.RootElement.GetArrayLength());
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "pmf-storage", "returns")), "no store was made where the command ran");
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
