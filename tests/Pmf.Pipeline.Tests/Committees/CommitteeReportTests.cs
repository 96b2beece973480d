using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Committees;

/// <summary>Committees in the warehouse, and each committee's report holding only its items.</summary>
public sealed class CommitteeReportTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static Framework Framework() => new CatalogueWorkbookBuilder()
        .AddSheet("Committees", ["Code", "Name", "Council", "Kind", "Performance monitors"],
            ["HC", "Housing Committee", "ABC", "Executive", "Cllr Ann Lee; Cllr Bob Hart"],
            ["XS", "Scrutiny Committee", "XYZ", "Scrutiny", null])
        .AddSheet("Committee items", ["Committee", "Priority", "Objective", "Indicator"],
            ["HC", "P1", null, null],
            ["XS", null, null, "ENV-02"])
        .Read().Framework!;

    private static async Task LoadAsync(TestWarehouse warehouse, Framework framework)
    {
        await using var connection = await warehouse.OpenAsync();
        await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), Now, new DateOnly(2025, 4, 1), CancellationToken.None);
    }

    [Fact]
    public async Task Each_committee_report_holds_exactly_its_items_in_plan_order_and_names_its_monitors()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var framework = Framework();
        await LoadAsync(warehouse, framework);
        using var output = new TempFolder();

        var written = await new PerformanceReportWriter(warehouse.Database, new FakeTimeProvider(Now))
            .WriteCommitteesAsync(ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2025, 2)), null, null, output.Path, CancellationToken.None);

        Assert.Equal(["HC", "XS"], written.Select(w => w.CommitteeCode));
        foreach (var (report, committee) in written.Zip(framework.Committees))
        {
            // A quarter's report holds the monthly and quarterly indicators; the annual ones wait for Q4.
            var expected = CommitteeScope.Indicators(framework, committee)
                .Where(code => framework.Indicators.Single(i => i.Code == code).Frequency != Frequency.Annual).ToList();
            var html = await File.ReadAllTextAsync(report.Path);
            var codes = Regex.Matches(html, "data-indicator=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, report.Items);
            Assert.Equal(expected.Count, report.Counts.Total);
        }

        var housing = await File.ReadAllTextAsync(written[0].Path);
        Assert.Contains("Report to the Housing Committee. Performance monitors: Cllr Ann Lee and Cllr Bob Hart.", housing, StringComparison.Ordinal);
        Assert.EndsWith("ABC HC committee 2025-26 Q2 performance report.html", written[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committee_dropped_from_the_catalogue_writes_no_report_and_a_named_one_is_refused_in_a_sentence()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var framework = Framework();
        await LoadAsync(warehouse, framework);
        await LoadAsync(warehouse, framework with { Committees = [framework.Committees[0]], CommitteeItems = [framework.CommitteeItems[0]] });
        using var output = new TempFolder();
        var writer = new PerformanceReportWriter(warehouse.Database, new FakeTimeProvider(Now));
        var periods = ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2025, 2));

        var written = await writer.WriteCommitteesAsync(periods, null, null, output.Path, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ConfigurationProblemException>(() => writer.WriteCommitteesAsync(periods, null, "XS", output.Path, CancellationToken.None));

        Assert.Equal(["HC"], written.Select(w => w.CommitteeCode));
        Assert.Equal("There is no committee 'XS' in the warehouse; pass one of HC to --committee.", refused.Message);
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_committee WHERE is_current = 0"));
    }
}
