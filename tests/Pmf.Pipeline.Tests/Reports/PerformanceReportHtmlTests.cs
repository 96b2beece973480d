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
    public void A_trend_with_no_values_or_one_value_still_draws()
    {
        var none = PerformanceReportHtml.Render(Report(Indicator("ASH-1", null) with { Trend = [] }));
        var one = PerformanceReportHtml.Render(Report(Indicator("ASH-1", Rag.Green) with { Trend = [new("2026/27 Q2", 5m, null, Rag.Green)] }));

        Assert.Contains("No results in the trend window", none, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(one, "<circle "));
    }
}
