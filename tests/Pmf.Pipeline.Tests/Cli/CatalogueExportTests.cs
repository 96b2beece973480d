using System.Text.Json;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary><c>pmf catalogue export</c>: what the warehouse holds, as a catalogue workbook that loads back unchanged.</summary>
public sealed class CatalogueExportTests
{
    [Fact]
    public async Task The_exported_catalogue_holds_the_loaded_framework_and_loads_back_changing_nothing()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("w.db")}";
        var framework = DemoFrameworks.Named(DemoFrameworks.Default).Create(new FinancialYear(2026));
        CatalogueWorkbookWriter.Write(framework, folder.File("catalogue.xlsx"));
        var (loaded, loadOutput) = await CliRun.RunAsync("catalogue", "load", folder.File("catalogue.xlsx"), "--connection", connection);
        Assert.True(loaded == 0, loadOutput);

        var (exported, exportOutput) = await CliRun.RunAsync("catalogue", "export", "--out", folder.File("exported.xlsx"), "--connection", connection);

        Assert.True(exported == 0, exportOutput);
        Framework back;
        await using (var stream = File.OpenRead(folder.File("exported.xlsx")))
        {
            var read = CatalogueReader.Read(stream, "exported.xlsx");
            Assert.Empty(read.Problems);
            back = read.Framework!;
        }

        Assert.Equal(framework.Councils, back.Councils);
        Assert.Equal(framework.Services.OrderBy(s => s.Code), back.Services.OrderBy(s => s.Code));
        Assert.Equal(framework.Indicators.OrderBy(i => i.Code), back.Indicators.OrderBy(i => i.Code));
        Assert.Equal(framework.Committees.Select(c => c.Code).Order(), back.Committees.Select(c => c.Code).Order());
        Assert.Equal(framework.Actions.OrderBy(a => a.Code), back.Actions.OrderBy(a => a.Code));

        // Loaded back: no problem, nothing new, changed or retired, no target changed, every table as it was.
        using var probe = new WarehouseProbe(folder.File("w.db"));
        var before = await probe.CountsAsync();
        var (again, json) = await CliRun.RunAsync("catalogue", "load", folder.File("exported.xlsx"), "--connection", connection, "--json");
        Assert.True(again == 0, json);
        using var document = JsonDocument.Parse(json);
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("indicatorsAdded").GetInt32());
        Assert.Equal(0, summary.GetProperty("indicatorsChanged").GetInt32());
        Assert.Equal(0, summary.GetProperty("indicatorsRetired").GetInt32());
        Assert.Equal(0, summary.GetProperty("targetChanges").GetArrayLength());
        var after = await probe.CountsAsync();
        Assert.Equal(before.Where(t => t.Key != "catalogue_load"), after.Where(t => t.Key != "catalogue_load"));

        var (refused, message) = await CliRun.RunAsync("catalogue", "export", "--out", folder.File("exported.xlsx"), "--connection", connection);
        Assert.Equal(2, refused);
        Assert.Contains("--force", message, StringComparison.Ordinal);
    }
}
