using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_with_json_prints_each_files_verdict_counts_and_issues()
    {
        using var folder = new TempFolder();
        var connection = await CliRun.WarehouseWithCatalogueAsync(folder);
        var returns = Directory.CreateDirectory(folder.File("HOU")).FullName;
        await File.WriteAllTextAsync(Path.Combine(returns, "q1.csv"), "Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,31\nASH-HOU-99,2026/27 Q1,5\n");
        var settings = folder.File("pmf.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Pmf = new { Storage = new { Kind = "local", LocalRoot = folder.File("storage") }, Alerts = new { OutboxFolder = folder.File("outbox") } } }));

        var (exit, output) = await CliRun.RunAsync("ingest", returns, "--service", "HOU", "--connection", connection, "--config", settings, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var outcome = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("HOU/q1.csv", outcome.GetProperty("name").GetString());
        Assert.Equal("AcceptedWithWarnings", outcome.GetProperty("verdict").GetString());
        Assert.Equal(1, outcome.GetProperty("load").GetProperty("rowsLoaded").GetInt32());
        var issue = Assert.Single(outcome.GetProperty("issues").EnumerateArray());
        Assert.Equal("DQ011", issue.GetProperty("ruleId").GetString());
        Assert.Equal(3, issue.GetProperty("row").GetInt32());
        Assert.True(File.Exists(Path.Combine(folder.File("storage"), "processed", "HOU", outcome.GetProperty("movedTo").GetProperty("name").GetString()!.Split('/')[1])));
    }
}
