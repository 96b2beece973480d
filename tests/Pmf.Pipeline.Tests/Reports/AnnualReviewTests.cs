using AngleSharp.Dom;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>The annual strategic review: the year it covers, achievements by rule, the plan's shape, what goes forward.</summary>
public sealed class AnnualReviewTests
{
    private static readonly DateTimeOffset AfterYearEnd = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    private static ReportedIndicator Indicator(
        string code, RagStatus? rag, decimal? value, decimal? lastYear, DirectionOfTravel vsLastYear, string objective = "HOMES-1", string? action = null, bool nil = false) => new(
        code, $"Indicator {code}", "Quantitative", "%", "Higher is better", "HOMES", "Homes for everyone", objective, objective.Length == 0 ? null : "More homes",
        "HOU", "Housing", "Return", "2025/26 Q4",
        rag is null ? null : new ReportedResult(nil ? null : value, 60m, rag.Value, DirectionOfTravel.Steady, vsLastYear, null, null, action, nil, "On time", new DateOnly(2026, 4, 10)),
        new DateOnly(2026, 4, 20),
        lastYear is null ? [new("2025/26 Q4", value, 60m, rag ?? RagStatus.Red)] : [new("2024/25 Q4", lastYear, 60m, RagStatus.Amber), new("2025/26 Q4", value, 60m, rag ?? RagStatus.Red)]);

    private static PerformanceReport Year(DateTimeOffset at, params ReportedIndicator[] indicators) =>
        new("ASH", "Ashby Vale", PerformanceReportKind.Annual, Period.Annual(2025), at, indicators, []);

    [Fact]
    public void Achievements_are_on_target_or_better_than_a_year_before_never_Red_each_with_its_evidence()
    {
        var report = Year(AfterYearEnd,
            Indicator("A-GREEN-NEW", RagStatus.Green, 65m, null, DirectionOfTravel.NotComparable),
            Indicator("A-AMBER-UP", RagStatus.Amber, 58m, 50m, DirectionOfTravel.Improving),
            Indicator("A-RED-UP", RagStatus.Red, 40m, 30m, DirectionOfTravel.Improving),
            Indicator("A-GREEN-UP", RagStatus.Green, 70m, 61m, DirectionOfTravel.Improving),
            Indicator("A-AMBER-DOWN", RagStatus.Amber, 58m, 66m, DirectionOfTravel.Worsening),
            Indicator("A-NIL", RagStatus.Green, null, 61m, DirectionOfTravel.Improving, nil: true));

        var review = AnnualReview.Of(report);

        Assert.Equal(["A-GREEN-UP", "A-AMBER-UP", "A-GREEN-NEW"], review.Achievements.Select(a => a.Indicator.Code));
        Assert.Equal(
            "On target at the year's end (2025/26 Q4): 70% against a target of 60%; and better than a year before: 70% in 2025/26 Q4, from 61% in 2024/25 Q4.",
            review.Achievements[0].Evidence);
        Assert.Equal("Better than a year before: 58% in 2025/26 Q4, from 50% in 2024/25 Q4.", review.Achievements[1].Evidence);
        Assert.Equal("On target at the year's end (2025/26 Q4): 65% against a target of 60%.", review.Achievements[2].Evidence);
        var page = Dom.Parse(PerformanceReportHtml.Render(report));
        Assert.Equal(3, page.QuerySelectorAll("#achievements .card").Length);
        Assert.DoesNotContain("no result a year before", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Off_target_indicators_overdue_results_and_actions_running_past_the_year_go_forward()
    {
        var report = Year(AfterYearEnd,
            Indicator("F-RED", RagStatus.Red, 40m, 30m, DirectionOfTravel.Improving, action: "Second contractor from May"),
            Indicator("F-AMBER", RagStatus.Amber, 58m, 66m, DirectionOfTravel.Worsening),
            Indicator("F-GREEN", RagStatus.Green, 70m, 61m, DirectionOfTravel.Improving),
            Indicator("F-MISSING", null, null, null, DirectionOfTravel.NotComparable)) with
        {
            Actions =
            [
                new("ACT-1", "Open the new depot", "HOMES", "HOMES-1", "Housing", null, new DateOnly(2026, 9, 30), null) { Milestones = [("Planning consent", new DateOnly(2025, 11, 1))] },
                new("ACT-2", "Publish the housing strategy", "HOMES", "HOMES-1", "Housing", null, new DateOnly(2026, 2, 28), null),
            ],
        };

        var page = Dom.Parse(PerformanceReportHtml.Render(report));

        var rows = page.QuerySelectorAll("#forward tbody tr");
        Assert.Equal(["F-RED Indicator F-RED", "F-AMBER Indicator F-AMBER", "F-MISSING Indicator F-MISSING", "ACT-1 Open the new depot"], rows.Select(r => r.Children[0].Words()));
        Assert.Equal("Off target (Red): 40% against a target of 60% in 2025/26 Q4. Remedial action: Second contractor from May", rows[0].Children[1].Words());
        Assert.Equal("Carried forward into the 2026/27 plan", page.One("#forward h2").Words());

        // The plan's shape: priority, objective, then its indicators and its actions.
        var objective = page.One("#plan h4");
        Assert.Equal("More homes", objective.Words());
        Assert.Equal(["ACT-1", "ACT-2"], page.QuerySelectorAll("#plan tbody.action").Select(a => a.GetAttribute("data-action")));
        Assert.Contains("Milestones: Planning consent (01/11/2025).", page.One("#plan tbody.action[data-action='ACT-1']").Words(), StringComparison.Ordinal);
        Assert.Equal("30/09/2026", page.One("#plan tbody.action[data-action='ACT-1'] td[data-label='Due']").Words());
    }

    [Fact]
    public void The_residents_summary_comes_first_in_plain_words_with_the_year_covered()
    {
        var report = Year(AfterYearEnd,
            Indicator("R-1", RagStatus.Green, 70m, 61m, DirectionOfTravel.Improving),
            Indicator("R-2", RagStatus.Red, 40m, 50m, DirectionOfTravel.Worsening));

        var page = Dom.Parse(PerformanceReportHtml.Render(report));

        Assert.Equal("This review covers the financial year 2025/26 (1 April 2025 to 31 March 2026): each indicator as the year closed.", page.One("#covers").Words());
        Assert.Equal(
            [
                "Ashby Vale checks how it is doing on its plan with 2 measures.",
                "In 2025/26, 1 of the 2 measures with a target were on target or better, 0 were close to it and 1 were off target.",
                "Compared with a year before, 1 measure got better and 1 got worse.",
                "Highlights: Indicator R-1 (70%, up from 61% a year before).",
                "Where we fell short or have more to do, 1 item goes forward into next year's plan.",
            ],
            page.QuerySelectorAll("#for-residents li").Select(li => li.Words()));
        Assert.True(page.One("#for-residents").CompareDocumentPosition(page.One("#executive-summary")).HasFlag(DocumentPositions.Following));
        Assert.Equal("Recommendation: That members note the 2025/26 annual performance review.", page.One(".recommendation").Words());
    }
}

/// <summary>The annual review from the shared warehouse: a year in progress, and the year before.</summary>
[Collection(PerformanceReportCollection.Name)]
public sealed class AnnualReviewWarehouseTests(PerformanceWarehouse warehouse)
{
    private async Task<IDocument> ReviewAsync(string year)
    {
        using var output = new TempFolder();
        var (exit, console) = await CliRun.RunAsync("report", "--period", year, "--annual", "--council", "ASH", "--out", output.Path, "--connection", warehouse.ConnectionString);
        Assert.True(exit == 0, console);
        return Dom.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(output.Path, "*.html"))));
    }

    [Fact]
    public async Task A_year_not_over_shows_its_latest_ended_quarter_and_says_what_is_still_to_come()
    {
        var page = await ReviewAsync("2026/27");

        Assert.Null(page.QuerySelector("#no-data"));
        Assert.Equal(
            "This review covers the financial year 2026/27 (1 April 2026 to 31 March 2027), which is not over: it shows each indicator at the end of Quarter 2 "
            + "(30 September 2026), the latest quarter ended. Still to come: the results for Quarter 3 and Quarter 4, and the year-end figures of annual indicators after 31 March 2027.",
            page.One("#covers").Words());
        var values = page.QuerySelectorAll("#plan tbody.indicator td.value").Select(c => c.Words()).ToList();
        Assert.True(values.Count(v => v.Length > 0) > 10, $"only {values.Count(v => v.Length > 0)} of {values.Count} indicators show a value for the year so far");
        Assert.Contains("In 2026/27 so far (to 30 September 2026)", page.One("#for-residents").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_years_achievements_each_state_the_rule_they_meet_with_figures_and_none_is_Red()
    {
        var page = await ReviewAsync("2025/26");

        var cards = page.QuerySelectorAll("#achievements .card");
        var indicators = page.QuerySelectorAll("#plan tbody.indicator").Length;
        Assert.NotEmpty(cards);
        Assert.True(cards.Length < indicators, $"{cards.Length} achievements of {indicators} indicators: the rule chose everything");
        foreach (var card in cards)
        {
            var code = card.GetAttribute("data-achievement");
            var text = card.One("p").Words();
            Assert.Matches("^(On target at the year's end|Better than a year before)", text);
            Assert.NotEqual("Red", page.One($"#plan tbody.indicator[data-indicator='{code}'] .rag").Words());
        }
    }
}
