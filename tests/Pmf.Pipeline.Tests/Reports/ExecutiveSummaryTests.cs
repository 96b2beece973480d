using AngleSharp.Dom;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>The executive summary at the top of the quarterly report: recommendation, counts, movers, decisions.</summary>
public sealed class ExecutiveSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ReportedIndicator Indicator(
        string code, RagStatus? rag, decimal? value = 50m, decimal? previous = null, string? action = "Recovery plan agreed", DateOnly? due = null,
        DirectionOfTravel direction = DirectionOfTravel.NotComparable, string unit = "%", bool yearToDate = false, string period = "2026/27 Q2", string priority = "HOMES")
    {
        var before = yearToDate ? "2025/26 Q2" : "2026/27 Q1";
        TrendPoint[] trend = previous is null ? [] : [new(before, previous, 60m, RagStatus.Amber), new(period, value, 60m, rag ?? RagStatus.Red)];
        return new ReportedIndicator(
            code, $"Indicator {code}", "Quantitative", unit, "Higher is better", priority, priority == "HOMES" ? "Homes for everyone" : "Greener district", "", null,
            "HOU", "Housing", "Return", period,
            rag is null ? null : new ReportedResult(value, 60m, rag.Value, direction, DirectionOfTravel.NotComparable, null, null, action, false, "On time", new DateOnly(2026, 10, 3)),
            due ?? new DateOnly(2026, 10, 14), trend)
        {
            YearToDate = yearToDate,
        };
    }

    private static PerformanceReport Report(params ReportedIndicator[] indicators) =>
        new("ASH", "Ashby Vale", PerformanceReportKind.Quarterly, Period.Quarter(2026, 2), Now, indicators, []);

    private static IDocument Page(PerformanceReport report) => Dom.Parse(PerformanceReportHtml.Render(report));

    private static ReportCommittee Committee(string name, string kind) => new("X", name, "ASH", kind, []);

    [Theory]
    [InlineData("Cabinet", "Executive", "That Cabinet approves the Quarter 2 2026/27 performance report and agrees the remedial actions set out for its 1 Red indicator.")]
    [InlineData("Scrutiny Committee", "Scrutiny", "That the Scrutiny Committee reviews and comments on the Quarter 2 2026/27 performance report and makes any recommendations to Cabinet.")]
    [InlineData("Climate Emergency Advisory Committee", "Advisory", "That the Climate Emergency Advisory Committee notes the Quarter 2 2026/27 performance report.")]
    public void The_recommendation_names_the_committee_and_what_its_kind_does_with_the_report(string name, string kind, string expected)
    {
        var report = Report(Indicator("ASH-1", RagStatus.Red), Indicator("ASH-2", RagStatus.Green)) with
        {
            Committee = Committee(name, kind),
            Executive = Committee("Cabinet", "Executive"),
        };

        var page = Page(report);

        Assert.Equal("Recommendation: " + expected, page.One("#executive-summary .recommendation").Words());
        Assert.True(page.One("#executive-summary").CompareDocumentPosition(page.One("#red")).HasFlag(DocumentPositions.Following), "the summary opens the report");
    }

    [Fact]
    public void The_councils_whole_report_carries_its_executives_recommendation_and_one_with_no_committees_asks_members_to_note()
    {
        var whole = Report(Indicator("ASH-1", RagStatus.Green)) with { Executive = Committee("Strategy and Resources Committee", "Executive") };

        Assert.Equal("That the Strategy and Resources Committee approves the Quarter 2 2026/27 performance report.", ExecutiveSummary.Of(whole).Recommendation);
        Assert.Equal("That members note the Quarter 2 2026/27 performance report.", ExecutiveSummary.Of(Report(Indicator("ASH-1", RagStatus.Green))).Recommendation);
    }

    [Fact]
    public void The_counts_table_has_a_row_per_priority_and_every_colour_labelled_in_words()
    {
        var page = Page(Report(Indicator("ASH-1", RagStatus.Red), Indicator("ASH-2", RagStatus.Green, priority: "GREEN"), Indicator("ASH-3", null)));

        var table = page.One("#executive-summary table.summary");
        Assert.Equal(["Priority", "Red", "Amber", "Green", "Data only", "Not reported", "Total"], table.QuerySelectorAll("thead th").Select(h => h.Words()));
        Assert.Equal(["Homes for everyone", "Greener district"], table.QuerySelectorAll("tbody tr td:first-child").Select(c => c.Words()));
        Assert.Equal("1", table.One("[data-priority='HOMES'][data-rag='Not reported']").Words());
        Assert.Equal("1", table.One("[data-priority='GREEN'][data-rag='Green']").Words());
    }

    [Fact]
    public void Improved_and_worsened_most_are_ranked_by_relative_change_with_their_figures_and_year_to_date_compares_with_last_year()
    {
        var report = Report(
            Indicator("ASH-1", RagStatus.Green, 70m, 50m, direction: DirectionOfTravel.Improving),
            Indicator("ASH-2", RagStatus.Amber, 55m, 54m, direction: DirectionOfTravel.Improving),
            Indicator("ASH-3", RagStatus.Red, 30m, 50m, direction: DirectionOfTravel.Worsening, unit: "days"),
            Indicator("ASH-4", RagStatus.Green, 49.3m, 40m, direction: DirectionOfTravel.Improving, yearToDate: true),
            Indicator("ASH-5", RagStatus.Green, 60m, direction: DirectionOfTravel.Improving));

        var page = Page(report);

        Assert.Equal(["ASH-1", "ASH-4", "ASH-2"], page.QuerySelectorAll("ul[data-movers='improved'] li").Select(li => li.GetAttribute("data-indicator")));
        Assert.Equal(
            "ASH-1 Indicator ASH-1: 70% in 2026/27 Q2, up from 50% in 2026/27 Q1 (20 percentage points). Green",
            page.One("ul[data-movers='improved'] li").Words());
        Assert.Contains("49.3% in 2026/27 Q2, year to date, up from 40% in 2025/26 Q2", page.One("li[data-indicator='ASH-4']").Words(), StringComparison.Ordinal);
        Assert.Equal("ASH-3 Indicator ASH-3: 30 days in 2026/27 Q2, down from 50 days in 2026/27 Q1 (20 days). Red", page.One("ul[data-movers='worsened'] li").Words());
    }

    [Fact]
    public void Nothing_moved_says_so_rather_than_leaving_a_blank()
    {
        var page = Page(Report(Indicator("ASH-1", RagStatus.Green)));

        Assert.Empty(page.QuerySelectorAll("ul.movers"));
        Assert.Contains("No indicator improved", page.One("#executive-summary").Words(), StringComparison.Ordinal);
        Assert.StartsWith("None: every Red indicator has a remedial action", page.One("#decisions + p").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decisions_list_Red_without_remedial_action_restatements_and_overdue_returns_but_not_returns_still_to_come()
    {
        var restated = new Restatement("ASH-9", "Rent collected", Period.Quarter(2026, 1), 97m, 91m, "Green", "Red", "Correction", "Arrears file was doubled", Now.AddDays(-3));
        var report = Report(
            Indicator("ASH-1", RagStatus.Red, 40m, action: null),
            Indicator("ASH-2", RagStatus.Red, 41m),
            Indicator("ASH-3", null, due: new DateOnly(2026, 10, 14)),
            Indicator("ASH-4", null, due: new DateOnly(2026, 11, 30))) with { Restatements = [restated] };

        var rows = Page(report).QuerySelectorAll("table.decisions tbody tr");

        Assert.Equal(
            [("RedWithoutAction", "ASH-1 Indicator ASH-1"), ("Restatement", "ASH-9 Rent collected"), ("OverdueReturn", "ASH-3 Indicator ASH-3")],
            rows.Select(r => (r.GetAttribute("data-decision")!, r.Children[0].Words())));
        Assert.Equal("Red: 40% against a target of 60% in 2026/27 Q2; Housing gave no remedial action.", rows[0].Children[1].Words());
        Assert.StartsWith("ASH-9 Rent collected, 2026/27 Q1: published as 97 (Green), now 91 (Red)", rows[1].Children[1].Words(), StringComparison.Ordinal);
        Assert.Equal("No result for 2026/27 Q2 from Housing; it was due on 14 Oct 2026.", rows[2].Children[1].Words());
    }

    [Fact]
    public async Task Committee_reports_from_the_warehouse_recommend_by_the_Committees_sheets_kind_and_the_whole_report_by_the_executive()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var framework = new CatalogueWorkbookBuilder()
            .AddSheet("Committees", ["Code", "Name", "Council", "Kind", "Performance monitors"],
                ["HC", "Housing Committee", "ABC", "Executive", null],
                ["XS", "Scrutiny Committee", "XYZ", "Scrutiny", null])
            .AddSheet("Committee items", ["Committee", "Priority", "Objective", "Indicator"], ["HC", "P1", null, null], ["XS", null, null, "ENV-02"])
            .Read().Framework!;
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        using var output = new TempFolder();
        var writer = new PerformanceReportWriter(warehouse.Database, new FakeTimeProvider(Now));
        var periods = ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2026, 2));
        var committees = await writer.WriteCommitteesAsync(periods, null, null, output.Path, CancellationToken.None);
        var councils = await writer.WriteAsync(periods, "ABC", output.Path, CancellationToken.None);

        string Recommendation(string path) => Dom.Parse(File.ReadAllText(path)).One(".recommendation").Words();
        Assert.Equal("Recommendation: That the Housing Committee approves the Quarter 2 2026/27 performance report.", Recommendation(committees[0].Path));
        Assert.Equal("Recommendation: That the Scrutiny Committee reviews and comments on the Quarter 2 2026/27 performance report.", Recommendation(committees[1].Path));
        Assert.Equal("Recommendation: That the Housing Committee approves the Quarter 2 2026/27 performance report.", Recommendation(councils[0].Path));
    }
}
