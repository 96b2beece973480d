using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>Case studies: a return row marked for the annual report, through the gate, into the annual review.</summary>
public sealed class CaseStudyTests
{
    private const string Story =
        "Mrs B, a tenant of forty years in Wantage, had waited two winters for a new boiler. The repairs team fitted it in a day "
        + "and she now heats her home for half the cost.";

    private static Task<Pipeline.Jobs.IngestOutcome> SendAsync(IngestHarness harness, string rows) =>
        harness.DropAndIngestAsync("HOU/HOU 2026-27 Q1 case studies.csv", Encoding.UTF8.GetBytes("Indicator,Period,Value,Commentary,Case study\r\n" + rows));

    private static Task<PerformanceReport> ReviewAsync(IngestHarness harness) =>
        new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby Vale District Council"), ReportPeriods.For(PerformanceReportKind.Annual, Period.Annual(2026)), harness.Clock.GetUtcNow(), CancellationToken.None);

    private static async Task<string[]> RulesAsync(IngestHarness harness) =>
        [.. await harness.QueryAsync<string>("SELECT rule_id FROM dq_issue WHERE rule_id IN ('DQ085', 'DQ086', 'DQ087') ORDER BY rule_id")];

    [Fact]
    public async Task A_row_marked_as_a_case_study_reaches_the_annual_review_with_its_title_story_and_service()
    {
        await using var harness = await IngestHarness.CreateAsync();

        await SendAsync(harness, $"ASH-HOU-01,2026/27 Q1,31,\"{Story}\",A warm home after two winters\r\n");

        Assert.Empty(await RulesAsync(harness));
        var review = await ReviewAsync(harness);
        var study = Assert.Single(review.CaseStudies);
        Assert.Equal(("ASH-HOU-01", "2026/27 Q1", "A warm home after two winters", Story), (study.IndicatorCode, study.PeriodCode, study.Title, study.Story));
        var page = Dom.Parse(PerformanceReportHtml.Render(review));
        Assert.Equal("A warm home after two winters", page.One("#case-studies article h3").Words());
        Assert.Equal(Story, page.One("#case-studies article p.text").Words());
        Assert.Contains("Our services tell one story of what this work meant for residents, below.", page.One("#for-residents").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_study_without_a_story_or_with_contact_details_loads_the_figure_but_keeps_no_story()
    {
        await using var harness = await IngestHarness.CreateAsync();

        await SendAsync(harness,
            "ASH-HOU-01,2026/27 Q1,31,,A title and nothing else\r\n"
            + $"ASH-HOU-04,2026/27 Q1,72,\"{Story} Call her on 01235 520202 or mail b.smith@example.org.\",Boiler story\r\n");

        Assert.Equal(["DQ085", "DQ086"], await RulesAsync(harness));
        var values = await harness.QueryAsync<string>("SELECT r.indicator_code FROM fact_result r INNER JOIN dim_period p ON p.period_key = r.period_key WHERE r.is_current = 1 AND p.period_code = '2026/27 Q1' AND r.indicator_code IN ('ASH-HOU-01', 'ASH-HOU-04') ORDER BY r.indicator_code");
        Assert.Equal(["ASH-HOU-01", "ASH-HOU-04"], values);
        Assert.Empty((await ReviewAsync(harness)).CaseStudies);
    }

    [Fact]
    public async Task A_short_story_is_kept_and_flagged_for_the_service_but_never_shown_to_councillors_as_a_caveat()
    {
        await using var harness = await IngestHarness.CreateAsync();

        await SendAsync(harness, "ASH-HOU-01,2026/27 Q1,31,Boiler fitted in a day.,Boiler\r\n");

        Assert.Equal(["DQ087"], await RulesAsync(harness));
        Assert.Single((await ReviewAsync(harness)).CaseStudies);
        var quarter = await new PerformanceReportQuery(harness.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby Vale District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Quarter(2026, 1)), harness.Clock.GetUtcNow(), CancellationToken.None);
        Assert.DoesNotContain(quarter.Caveats, c => c.RuleId == "DQ087");
    }
}
