using System.Text.Json;
using ClosedXML.Excel;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Templates;

public sealed class TemplateCommandTests
{
    [Fact]
    public async Task Template_all_writes_one_file_per_service_that_owes_something_and_an_unknown_service_is_exit_2()
    {
        using var folder = new TempFolder();
        var connection = await CliRun.WarehouseWithCatalogueAsync(folder);

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

    [Fact]
    public async Task A_template_never_overwrites_a_file_without_force_and_a_missing_folder_is_one_sentence()
    {
        using var folder = new TempFolder();
        var connection = await CliRun.WarehouseWithCatalogueAsync(folder);
        var completed = folder.File("HOU completed.xlsx");
        await File.WriteAllTextAsync(completed, "a service officer's completed return");

        var (refused, message) = await CliRun.RunAsync("template", "--service", "HOU", "--period", "2026/27 Q2", "--out", completed, "--connection", connection);

        Assert.Equal(2, refused);
        Assert.Contains("already exists", message, StringComparison.Ordinal);
        Assert.Contains("--force", message, StringComparison.Ordinal);
        Assert.Equal("a service officer's completed return", await File.ReadAllTextAsync(completed));

        var (forced, _) = await CliRun.RunAsync("template", "--service", "HOU", "--period", "2026/27 Q2", "--out", completed, "--force", "--connection", connection);
        Assert.Equal(0, forced);
        using (var workbook = new XLWorkbook(completed))
        {
            Assert.NotEmpty(workbook.Worksheets);
        }

        var (missing, why) = await CliRun.RunAsync("template", "--service", "HOU", "--period", "2026/27 Q2", "--out", folder.File("no/such/folder/t.xlsx"), "--connection", connection);
        Assert.Equal(2, missing);
        Assert.Contains("does not exist", why, StringComparison.Ordinal);
        Assert.DoesNotContain("DirectoryNotFoundException", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_prints_on_A4_landscape_one_page_wide_with_its_header_on_every_page_and_page_numbers()
    {
        using var folder = new TempFolder();
        var connection = await CliRun.WarehouseWithCatalogueAsync(folder);
        var path = folder.File("t.xlsx");

        Assert.Equal(0, (await CliRun.RunAsync("template", "--service", "HOU", "--period", "2026/27 Q2", "--out", path, "--connection", connection)).ExitCode);

        using var workbook = new XLWorkbook(path);
        var setup = workbook.Worksheets.First().PageSetup;
        Assert.Equal(XLPaperSize.A4Paper, setup.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, setup.PageOrientation);
        Assert.Equal(1, setup.PagesWide);
        Assert.Equal(0, setup.PagesTall);
        Assert.True(setup.FirstRowToRepeatAtTop > 0);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var sheetXml = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheetXml.ReadToEndAsync();
        var footer = System.Text.RegularExpressions.Regex.Match(xml, "<(?:x:)?oddFooter>(.*?)</(?:x:)?oddFooter>").Groups[1].Value;
        Assert.True(footer.Contains("Page &amp;P of &amp;N", StringComparison.Ordinal), xml[^Math.Min(xml.Length, 1500)..]);
    }
}
