using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Templates;

public sealed class TemplateCommandTests
{
    [Fact]
    public async Task Template_all_writes_one_file_per_service_that_owes_something_and_an_unknown_service_is_exit_2()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("w.db")}";
        var catalogue = folder.File("catalogue.xlsx");
        Pipeline.Catalogue.CatalogueWorkbookWriter.Write(Jobs.IngestHarness.Framework, catalogue);
        Assert.Equal(0, (await CliRun.RunAsync("catalogue", "load", catalogue, "--connection", connection)).ExitCode);

        var (exit, output) = await CliRun.RunAsync("template", "--all", "--period", "Q2 2026/27", "--out", folder.File("out"), "--connection", connection, "--json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        var services = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(9, services.Count);
        var written = services.Where(s => s.TryGetProperty("file", out _)).ToList();
        Assert.DoesNotContain(written, s => s.GetProperty("service").GetString() == "REV"); // pulled from its system, never returned
        Assert.All(written, s => Assert.True(File.Exists(s.GetProperty("file").GetString())));
        Assert.True(File.Exists(folder.File("out/HOU 2026-27 Q2 return.xlsx")));

        var (unknown, message) = await CliRun.RunAsync("template", "--service", "XYZ", "--period", "2026/27 Q2", "--connection", connection);

        Assert.Equal(2, unknown);
        Assert.Contains("no service 'XYZ'", message, StringComparison.Ordinal);
        Assert.Contains("HOU", message, StringComparison.Ordinal);
    }
}
