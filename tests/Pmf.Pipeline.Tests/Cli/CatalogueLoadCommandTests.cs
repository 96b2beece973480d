using System.Text;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Tests.Workbooks;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// A catalogue that cannot be read, or that has errors, is reported in one clear message and
/// leaves the warehouse exactly as it was.
/// </summary>
public sealed class CatalogueLoadCommandTests
{
    public static TheoryData<string, string> BadCatalogues => new()
    {
        { "missing sheet", "Targets" },
        { "wrong cell types", "whole number" },
        { "not a workbook", "not" },
        { "encrypted", "password" },
        { "empty file", "empty" },
    };

    [Theory]
    [MemberData(nameof(BadCatalogues))]
    public async Task A_bad_catalogue_is_reported_clearly_and_changes_nothing(string kind, string messageFragment)
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("warehouse.db")}";
        var good = folder.File("good.xlsx");
        await File.WriteAllBytesAsync(good, new CatalogueWorkbookBuilder().ToStream().ToArray());
        var (loaded, loadOutput) = await CliRun.RunAsync("catalogue", "load", good, "--connection", connection);
        Assert.True(loaded == 0, loadOutput);
        using var probe = new WarehouseProbe(folder.File("warehouse.db"));
        var before = await probe.CountsAsync();

        var bad = await WriteBadCatalogueAsync(folder, kind);
        var (exit, output) = await CliRun.RunAsync("catalogue", "load", bad, "--connection", connection);

        Assert.Equal(1, exit);
        Assert.Contains(messageFragment, output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not loaded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(before, await probe.CountsAsync());
    }

    [Fact]
    public async Task Json_output_lists_every_problem_with_its_place()
    {
        using var folder = new TempFolder();
        var file = folder.File("catalogue.xlsx");
        var builder = new CatalogueWorkbookBuilder()
            .Set("Indicators", 1, "Service", "NOPE")
            .Set("Services", 1, "Head of service email", "not-an-address");
        await File.WriteAllBytesAsync(file, builder.ToStream().ToArray());

        var (exit, output) = await CliRun.RunAsync("catalogue", "load", file, "--connection", $"Data Source={folder.File("w.db")}", "--json");

        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("sheet").GetString() == "Indicators" && p.GetProperty("value").GetString() == "NOPE");
        Assert.Contains(problems, p => p.GetProperty("sheet").GetString() == "Services" && p.GetProperty("value").GetString() == "not-an-address");
        Assert.False(json.RootElement.GetProperty("loaded").GetBoolean());
    }

    private static async Task<string> WriteBadCatalogueAsync(TempFolder folder, string kind)
    {
        var path = folder.File(kind.Replace(' ', '-') + ".xlsx");
        switch (kind)
        {
            case "missing sheet":
                await File.WriteAllBytesAsync(path, new CatalogueWorkbookBuilder().RemoveSheet("Targets").ToStream().ToArray());
                break;
            case "wrong cell types":
                await File.WriteAllBytesAsync(path, new CatalogueWorkbookBuilder().Set("Indicators", 1, "Due (working days)", "ten").ToStream().ToArray());
                break;
            case "not a workbook":
                await File.WriteAllTextAsync(path, "Code,Name\nABC,Anytown\n", Encoding.UTF8);
                break;
            case "encrypted":
                File.Copy(Path.Combine(TestFiles.Awkward, "ExcelDataReader", "agile_AES256_SHA512_CBC_pwd_password.xlsx"), path);
                break;
            default:
                await File.WriteAllBytesAsync(path, []);
                break;
        }

        return path;
    }
}
