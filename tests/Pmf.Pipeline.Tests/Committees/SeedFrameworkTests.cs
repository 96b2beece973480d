using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Committees;

/// <summary>The two frameworks of the seeds, shipped as catalogue workbooks: their plans and committees, and each committee's report.</summary>
public sealed class SeedFrameworkTests
{
    private static readonly FinancialYear Year = new(2026);

    private static Framework ReadBack(string name)
    {
        var framework = DemoFrameworks.Named(name).Create(Year);
        using var folder = new TempFolder();
        CatalogueWorkbookWriter.Write(framework, folder.File("catalogue.xlsx"));
        using var stream = File.OpenRead(folder.File("catalogue.xlsx"));
        var read = CatalogueReader.Read(stream, "catalogue.xlsx");
        Assert.True(read.Problems.Count == 0, string.Join("\n", read.Problems));
        Assert.Equal(framework.Indicators.Select(i => i.Code), read.Framework!.Indicators.Select(i => i.Code));
        Assert.Equal(framework.CommitteeItems, read.Framework.CommitteeItems);
        return read.Framework!;
    }

    [Fact]
    public void Stroud_has_the_council_plans_three_priorities_and_sixteen_objectives_each_with_indicators()
    {
        var f = ReadBack("stroud");

        Assert.Equal(["Environment and Climate Change", "Community Resilience and Wellbeing", "Economy, Recovery and Regeneration"], f.Priorities.Select(p => p.Name).Distinct());
        Assert.Equal(
            ["Tackle the Climate and Ecological Emergency", "Biodiversity", "Sustainable Construction and Retrofit", "Mobility / Transport", "Circular Economy", "Renewable Energy",
             "Community Resilience", "Affordable Homes", "Community Engagement", "Leisure and Cultural Services", "Equality, Diversity and Inclusion",
             "Economic Recovery", "Regeneration", "Investment", "Support for Businesses", "Strategic Planning"],
            f.Priorities.Select(p => p.ObjectiveName));
        Assert.All(f.Priorities, p => Assert.Contains(f.Indicators, i => i.ObjectiveCode == p.ObjectiveCode));
        Assert.Contains(f.Indicators, i => i.Type == IndicatorType.Qualitative);
        Assert.Equal(
            ["Strategy and Resources Committee", "Housing Committee", "Environment Committee", "Community Services and Licensing Committee", "Audit and Standards Committee"],
            f.Committees.Select(c => c.Name));
        Assert.All(f.Committees, c => Assert.Equal(2, c.Monitors.Count));
        Assert.Equal(f.Indicators.Select(i => i.Code), CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "SR")));
    }

    [Fact]
    public void South_and_the_Vale_share_one_officer_structure_with_six_themes_each_and_the_climate_committees_get_the_climate_measures()
    {
        var f = ReadBack("south-vale");

        Assert.Equal(
            ["Protect and restore our natural world", "Openness and accountability", "Action on the climate emergency",
             "Improved economic and community well-being", "Homes and infrastructure that meets local needs", "Investment that re-builds our financial viability"],
            f.Priorities.Where(p => p.CouncilCode == "SOD").Select(p => p.Name));
        Assert.Equal(
            ["Providing the homes people need", "Tackling the Climate Emergency", "Building healthy communities", "Building stable finances", "Working in partnership", "Working in an open and inclusive way"],
            f.Priorities.Where(p => p.CouncilCode == "VWH").Select(p => p.Name));
        Assert.All(f.Services, s => Assert.Equal(["SOD", "VWH"], f.Indicators.Where(i => i.ServiceCode == s.Code).Select(i => i.CouncilCode).Distinct().Order()));
        var ceeac = CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "VWH-CEEAC"));
        Assert.Equal(f.Indicators.Where(i => i.CouncilCode == "VWH" && i.PriorityCode == "CLM").Select(i => i.Code), ceeac);
        Assert.Contains("VWH-WST-01", ceeac);
        Assert.Contains("VWH-CLM-03", ceeac);
        var ceac = CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "SOD-CEAC"));
        Assert.All(ceac, code => Assert.Contains(f.Indicators.Single(i => i.Code == code).PriorityCode, new[] { "CLM", "NAT" }));
        Assert.Equal(f.Indicators.Count(i => i.CouncilCode == "SOD"), CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "SOD-SCR")).Count);
    }

    [Theory]
    [InlineData("stroud")]
    [InlineData("south-vale")]
    public async Task Each_committees_annual_report_holds_exactly_the_items_the_catalogue_gives_it(string name)
    {
        var framework = DemoFrameworks.Named(name).Create(Year);
        using var warehouse = await TestWarehouse.CreateAsync();
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), CliRun.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        using var output = new TempFolder();

        var written = await new PerformanceReportWriter(warehouse.Database, new FakeTimeProvider(CliRun.Now))
            .WriteCommitteesAsync(ReportPeriods.For(PerformanceReportKind.Annual, Period.Annual(2025)), null, null, output.Path, CancellationToken.None);

        Assert.Equal(framework.Committees.Select(c => c.Code), written.Select(w => w.CommitteeCode));
        foreach (var committee in framework.Committees)
        {
            var expected = CommitteeScope.Indicators(framework, committee);
            Assert.NotEmpty(expected);
            var report = written.Single(w => w.CommitteeCode == committee.Code);
            var html = await File.ReadAllTextAsync(report.Path);
            var shown = Regex.Matches(html, "<tbody class=\"indicator\" data-indicator=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, report.Items);
            var actions = Regex.Matches(html, "<tbody class=\"action\" data-action=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(CommitteeScope.Actions(framework, committee).Order(StringComparer.Ordinal), actions.Order(StringComparer.Ordinal));
        }
    }
}
