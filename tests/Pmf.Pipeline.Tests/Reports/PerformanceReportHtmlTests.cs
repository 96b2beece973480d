using System.Text.RegularExpressions;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class PerformanceReportHtmlTests
{
    private static ReportedIndicator Indicator(string code, string? rag, string? commentary = null, string? action = null, string name = "Homes delivered") => new(
        code, name, "Quantitative", "%", "Higher is better", "HOMES", "Homes <for> everyone", "HOMES-1", "More homes", "HOU", "Housing", "Return", "2026/27 Q2",
        rag is null ? null : new ReportedResult(42.5m, 50m, rag, "Worsening", "Improving", null, commentary, action, false, "On time", new DateOnly(2026, 10, 3)),
        new DateOnly(2026, 10, 14),
        [new("2026/27 Q1", 40m, 50m, Rag.Red), new("2026/27 Q2", 42.5m, 50m, rag ?? Rag.Red)]);

    private static PerformanceReport Report(params ReportedIndicator[] indicators) =>
        new("ASH", "Ashby & <Vale>", PerformanceReportKind.Quarterly, Period.Quarter(2026, 2), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), indicators, []);

    [Fact]
    public void Text_from_the_warehouse_is_encoded_so_markup_in_it_never_becomes_markup()
    {
        var html = PerformanceReportHtml.Render(Report(
            Indicator("ASH-1", Rag.Red, "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", name: "\"><svg onload=alert(3)>")));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Ashby &amp; &lt;Vale&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_with_one_inline_chart_per_indicator_and_a_print_layout()
    {
        var html = PerformanceReportHtml.Render(Report(Indicator("ASH-1", Rag.Red), Indicator("ASH-2", Rag.Green), Indicator("ASH-3", null)));

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=|https?:|@import|url\\(", RegexOptions.IgnoreCase), html);
        Assert.Equal(3, Regex.Matches(html, "<svg class=\"spark\"").Count);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("data-priority=\"HOMES\" data-rag=\"Red\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-priority=\"HOMES\" data-rag=\"Not reported\">1<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Red_indicators_are_listed_with_their_remedial_actions_before_the_detail_by_priority()
    {
        var html = PerformanceReportHtml.Render(Report(Indicator("ASH-2", Rag.Green), Indicator("ASH-1", Rag.Red, action: "Recruit two officers")));

        var red = html.IndexOf("id=\"red\"", StringComparison.Ordinal);
        Assert.True(red > 0 && red < html.IndexOf("id=\"indicators\"", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(html[red..html.IndexOf("id=\"indicators\"", StringComparison.Ordinal)], "class=\"card\""));
        Assert.Contains("Recruit two officers", html[red..], StringComparison.Ordinal);
    }

    [Fact]
    public void Caveats_are_worded_for_councillors_without_the_senders_rule_ids_rows_or_instructions()
    {
        var report = Report(Indicator("ASH-1", Rag.Red), Indicator("ASH-2", Rag.Green)) with
        {
            Caveats =
            [
                new("ASH-1", "2026/27 Q2", "DQ061", "Warning", "Row 98: Red two periods running; Your reason: none. Fill Remedial action or ask the performance team."),
                new("ASH-2", "2026/27 Q2", "DQ050", "Error", "Row 12: 59.34 disagrees with 378 / 4400; correct it and send the file again."),
            ],
        };

        var html = PerformanceReportHtml.Render(report);
        var caveats = html[html.IndexOf("id=\"caveats\"", StringComparison.Ordinal)..];

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
        var nil = Indicator("ASH-1", Rag.DataOnly) with
        {
            Result = new ReportedResult(null, 50m, Rag.DataOnly, null, null, null, "System outage, no data this quarter", null, true, "On time", new DateOnly(2026, 10, 3)),
        };

        var html = PerformanceReportHtml.Render(Report(nil));

        Assert.Contains("data-priority=\"HOMES\" data-rag=\"Not reported\">1<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rag=\"Data only\">1<", html, StringComparison.Ordinal);
        Assert.Contains("Nil return: no value was returned. System outage, no data this quarter", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trend_with_no_values_or_one_value_still_draws()
    {
        var none = PerformanceReportHtml.Render(Report(Indicator("ASH-1", null) with { Trend = [] }));
        var one = PerformanceReportHtml.Render(Report(Indicator("ASH-1", Rag.Green) with { Trend = [new("2026/27 Q2", 5m, null, Rag.Green)] }));

        Assert.Contains("No results in the trend window", none, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(one, "<circle "));
    }
}
