using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class SubmissionReportHtmlTests
{
    [Fact]
    public void Script_and_image_tags_typed_by_a_sender_are_shown_as_text_never_as_markup()
    {
        var html = SubmissionReportHtml.Render(Report(Script, Image) with { FileName = "<img src=x onerror=alert(2)>.xlsx", VerdictReason = "<b>bold</b>" });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_for_an_email_client()
    {
        var html = SubmissionReportHtml.Render(Report(Script, Image, Formula));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_summary_at_the_top_gives_the_verdict_and_the_counts_and_the_table_has_each_issue_by_row_and_column()
    {
        var html = SubmissionReportHtml.Render(Report(Script, Image));

        var summary = html.IndexOf("Loaded, but 2 rows rejected: housing-q1.xlsx", StringComparison.Ordinal);
        var table = html.IndexOf("Issues by row and column", StringComparison.Ordinal);
        Assert.True(summary >= 0 && summary < table);
        Assert.Contains("12 rows read, 10 loaded, 2 rejected; 1 error, 1 warning.", html, StringComparison.Ordinal);
        Assert.Contains("20 July 2025, 09:55", html, StringComparison.Ordinal); // received, UK summer time
        Assert.Matches("<td[^>]*>8</td><td[^>]*>Value</td><td[^>]*>ASH-HOU-01</td><td[^>]*>2025/26 Q1</td><td[^>]*>DQ004</td>", html);
    }

    [Fact]
    public void A_very_long_list_is_cut_in_the_page_and_says_how_many_more_there_are()
    {
        var issues = Enumerable.Range(1, SubmissionReportHtml.MaxIssueRows + 20)
            .Select(r => new QualityIssue("DQ004", Severity.Error, "Not a number.", "Return", r, "Value", "x"))
            .ToArray();

        var html = SubmissionReportHtml.Render(Report(issues) with { IssuesOmitted = 80, Verdict = SubmissionVerdict.Rejected });

        Assert.Contains("100 more issues are not listed", html, StringComparison.Ordinal);
        var rows = html.Split("<tr").Length - 1;
        Assert.Equal(1 + 5 + 1 + SubmissionReportHtml.MaxIssueRows, rows); // verdict box, five facts, table header, issues
    }
}
