using AngleSharp.Dom;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class PerformanceReportHtmlTests
{
    private static ReportedIndicator Indicator(string code, RagStatus? rag, string? commentary = null, string? action = null, string name = "Homes delivered") => new(
        code, name, "Quantitative", "%", "Higher is better", "HOMES", "Homes <for> everyone", "HOMES-1", "More homes", "HOU", "Housing", "Return", "2026/27 Q2",
        rag is null ? null : new ReportedResult(42.5m, 50m, rag.Value, DirectionOfTravel.Worsening, DirectionOfTravel.Improving, null, commentary, action, false, "On time", new DateOnly(2026, 10, 3)),
        new DateOnly(2026, 10, 14),
        [new("2026/27 Q1", 40m, 50m, RagStatus.Red), new("2026/27 Q2", 42.5m, 50m, rag ?? RagStatus.Red)]);

    private static PerformanceReport Report(params ReportedIndicator[] indicators) =>
        new("ASH", "Ashby & <Vale>", PerformanceReportKind.Quarterly, Period.Quarter(2026, 2), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), indicators, []);

    private static IDocument Page(PerformanceReport report) => Dom.Parse(PerformanceReportHtml.Render(report));

    private static string Count(IDocument page, string priority, string rag) => page.One($"[data-priority='{priority}'][data-rag='{rag}']").Words();

    [Fact]
    public void Text_from_the_warehouse_is_encoded_so_markup_in_it_never_becomes_markup()
    {
        var page = Page(Report(
            Indicator("ASH-1", RagStatus.Red, "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", name: "\"><svg onload=alert(3)>")));

        Assert.Empty(page.Active());
        Assert.DoesNotContain(page.QuerySelectorAll("svg"), s => s.HasAttribute("onload"));
        Assert.Equal("Ashby & <Vale>", page.One("h1").Words());
        Assert.Contains("Commentary: <script>alert(1)</script>", page.One("tbody.indicator tr.note").Words(), StringComparison.Ordinal);
        Assert.Equal("ASH-1 \"><svg onload=alert(3)>", page.One("#red .card h3").Words());
    }

    [Fact]
    public void Hostile_indicator_names_commentary_and_council_names_come_out_as_the_text_typed()
    {
        const string name = "Rent & \"arrears\" <b>collected</b> 'on time'";
        const string council = "Vale </style><script>alert(1)</script>";
        var report = Report(Indicator("ASH-&<1>", RagStatus.Red, "Commentary with \"quotes\" & <i>tags</i>", "Act & <u>fix</u>", name)) with { CouncilName = council };

        var page = Page(report);

        Assert.Empty(page.Active());
        Assert.Empty(page.QuerySelectorAll("b, i, u"));
        Assert.Equal(council, page.One("h1").Words());
        Assert.StartsWith(council + ": Quarterly performance report", page.Title, StringComparison.Ordinal);
        Assert.Equal("ASH-&<1>", page.One("tbody.indicator").GetAttribute("data-indicator"));
        Assert.Equal($"ASH-&<1> {name}", page.One("#red .card h3").Words());
        Assert.Contains("Remedial action: Act & <u>fix</u>", page.One("#red .card").Words(), StringComparison.Ordinal);
        Assert.Contains("Commentary with \"quotes\" & <i>tags</i>", page.One("tbody.indicator tr.note").Words(), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("style"));
        Assert.DoesNotContain("</style", page.One("style").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_page_is_self_contained_with_one_inline_chart_per_indicator_and_a_print_layout()
    {
        var page = Page(Report(Indicator("ASH-1", RagStatus.Red), Indicator("ASH-2", RagStatus.Green), Indicator("ASH-3", null)));

        Assert.DoesNotContain(page.All, e => e.HasAttribute("src") || e.HasAttribute("href"));
        Assert.DoesNotMatch("https?:|@import|url\\(", page.One("style").TextContent);
        Assert.Equal(3, page.QuerySelectorAll("svg.spark").Length);
        Assert.Contains("@page { size: A4;", page.One("style").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Count(page, "HOMES", "Red"));
        Assert.Equal("1", Count(page, "HOMES", "Not reported"));
    }

    [Fact]
    public void The_RAG_key_is_at_the_top_with_every_badge_saying_its_word()
    {
        var page = Page(Report(Indicator("ASH-1", RagStatus.Red)));

        var key = page.One("#summary .rag-key");
        Assert.Equal(["Red", "Amber", "Green", "Data only", "Not reported"], key.QuerySelectorAll(".rag").Select(b => b.Words()));
        Assert.True(key.CompareDocumentPosition(page.One("#indicators")).HasFlag(DocumentPositions.Following), "the key comes before the indicators");
        Assert.Equal("Red", page.One("tbody.indicator .rag").Words());
    }

    [Fact]
    public void Red_indicators_are_listed_with_their_remedial_actions_before_the_detail_by_priority()
    {
        var page = Page(Report(Indicator("ASH-2", RagStatus.Green), Indicator("ASH-1", RagStatus.Red, action: "Recruit two officers")));

        var red = page.One("section#red");
        Assert.True(red.CompareDocumentPosition(page.One("section#indicators")).HasFlag(DocumentPositions.Following));
        Assert.Single(red.QuerySelectorAll(".card"));
        Assert.Contains("Recruit two officers", red.Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void Caveats_are_worded_for_councillors_without_the_senders_rule_ids_rows_or_instructions()
    {
        var report = Report(Indicator("ASH-1", RagStatus.Red), Indicator("ASH-2", RagStatus.Green)) with
        {
            Caveats =
            [
                new("ASH-1", "2026/27 Q2", "DQ061", "Warning", "Row 98: Red two periods running; Your reason: none. Fill Remedial action or ask the performance team."),
                new("ASH-2", "2026/27 Q2", "DQ050", "Error", "Row 12: 59.34 disagrees with 378 / 4400; correct it and send the file again."),
            ],
        };

        var caveats = Page(report).One("#caveats").Words();

        Assert.DoesNotContain("DQ0", caveats, StringComparison.Ordinal);
        Assert.DoesNotContain("Row 98", caveats, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Your reason", caveats, StringComparison.Ordinal);
        Assert.DoesNotContain("performance team", caveats, StringComparison.Ordinal);
        Assert.Contains("Red two periods running without remedial action: published as the service reported it, and flagged for checking.", caveats, StringComparison.Ordinal);
        Assert.Contains("Value disagrees with numerator and denominator: a value sent for this period was refused", caveats, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nil_return_counts_and_shows_as_not_reported_not_as_data_only()
    {
        var nil = Indicator("ASH-1", RagStatus.DataOnly) with
        {
            Result = new ReportedResult(
                null, 50m, RagStatus.DataOnly, DirectionOfTravel.NotComparable, DirectionOfTravel.NotComparable, null, "System outage, no data this quarter", null, true, "On time", new DateOnly(2026, 10, 3)),
        };

        var page = Page(Report(nil));

        Assert.Equal("1", Count(page, "HOMES", "Not reported"));
        Assert.Equal("0", Count(page, "HOMES", "Data only"));
        Assert.Contains("Nil return: no value was returned. System outage, no data this quarter", page.One("#caveats").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trend_with_no_values_or_one_value_still_draws()
    {
        var none = Page(Report(Indicator("ASH-1", null) with { Trend = [] }));
        var one = Page(Report(Indicator("ASH-1", RagStatus.Green) with { Trend = [new("2026/27 Q2", 5m, null, RagStatus.Green)] }));

        Assert.Equal("No results in the trend window", none.One("svg.spark title").Words());
        Assert.Single(one.QuerySelectorAll("svg.spark circle"));
    }

    [Fact]
    public void A_trend_chart_labels_its_first_and_last_values_and_periods_and_draws_the_target()
    {
        var page = Page(Report(Indicator("ASH-1", RagStatus.Amber)));

        var chart = page.One("svg.spark");
        Assert.Equal(["40%", "42.5%"], chart.QuerySelectorAll("text.value").Select(t => t.Words()));
        Assert.Equal(["2026/27 Q1", "2026/27 Q2"], chart.QuerySelectorAll("text.period").Select(t => t.Words()));
        Assert.Equal("target 50%", chart.One("text.target").Words());
        Assert.NotNull(chart.QuerySelector("polyline.target"));
        Assert.Equal("Trend: 2026/27 Q1 40%; 2026/27 Q2 42.5%; target 50%", chart.GetAttribute("aria-label"));
    }
}
