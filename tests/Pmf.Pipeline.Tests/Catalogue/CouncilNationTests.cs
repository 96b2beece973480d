using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>The Councils sheet's optional <c>Nation</c> column: England, Wales, Scotland or Northern Ireland; England if blank or absent.</summary>
public sealed class CouncilNationTests
{
    [Fact]
    public void A_catalogue_without_the_column_has_every_council_in_England()
    {
        var result = new CatalogueWorkbookBuilder().Read();

        Assert.All(result.Framework!.Councils, c => Assert.Equal(Nation.England, c.Nation));
    }

    [Theory]
    [InlineData("Scotland", Nation.Scotland)]
    [InlineData("northern ireland", Nation.NorthernIreland)]
    [InlineData("Wales", Nation.Wales)]
    [InlineData(null, Nation.England)]
    public void The_column_gives_the_councils_nation(string? text, Nation nation)
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Councils", "Nation").Set("Councils", 2, "Nation", text).Read();

        Assert.Empty(result.Errors);
        Assert.Equal(nation, result.Framework!.Councils.Single(c => c.Code == "XYZ").Nation);
    }

    [Fact]
    public void A_nation_not_recognised_is_an_error_naming_the_choices()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Councils", "Nation").Set("Councils", 2, "Nation", "Cornwall").Read();

        Problem(result, "Councils", 3, "Nation", "Nation 'Cornwall' is not recognised; use England, Wales, Scotland or Northern Ireland");
    }

    [Fact]
    public void The_catalogue_workbook_writer_writes_the_nation_and_it_reads_back()
    {
        var sample = SampleFramework.Create(new FinancialYear(2025));
        var framework = sample with { Councils = [.. sample.Councils.Select(c => c.Code == "BRK" ? c with { Nation = Nation.Scotland } : c)] };
        using var folder = new Tests.Warehouse.TempFolder();
        var path = folder.File("catalogue.xlsx");

        CatalogueWorkbookWriter.Write(framework, path);
        using var stream = File.OpenRead(path);
        var read = CatalogueReader.Read(stream, "catalogue.xlsx");

        Assert.Equal(framework.Councils, read.Framework!.Councils);
    }
}
