using AngleSharp.Dom;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class SubmissionReportHtmlTests
{
    private static IDocument Page(SubmissionReport report) => Dom.Parse(SubmissionReportHtml.Render(report));

    [Fact]
    public void Script_and_image_tags_typed_by_a_sender_are_shown_as_text_never_as_markup()
    {
        var page = Page(Report(Script, Image) with { FileName = "<img src=x onerror=alert(2)>.xlsx", VerdictReason = "<b>bold</b>" });

        Assert.Empty(page.Active());
        Assert.Empty(page.QuerySelectorAll("b"));
        Assert.Equal("Loaded, but 2 rows rejected: <img src=x onerror=alert(2)>.xlsx", page.One("h1").Words());
        Assert.Equal("Reason: <b>bold</b>", page.One("p.reason").Words());
        var typed = page.QuerySelectorAll("table.issues tbody tr").Select(r => r.Children[7].TextContent).ToList();
        Assert.Equal(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"], typed);
    }

    [Fact]
    public void Quotes_and_ampersands_in_a_file_name_and_messages_come_out_as_typed()
    {
        var issue = Script with { Message = "Value \"12 & 13\" is not a number; type 'digits' only.", RawValue = "12 & 13\"" };

        var page = Page(Report(issue) with { FileName = "Q1 \"final\" & <v2>.xlsx", Sender = "\"Ann & Co\" <ann@example.gov.uk>" });

        Assert.Equal("Q1 \"final\" & <v2>.xlsx: Loaded, but 2 rows rejected", page.Title);
        Assert.Equal("Value \"12 & 13\" is not a number; type 'digits' only.", page.One("table.issues tbody tr").Children[8].TextContent);
        Assert.Equal("12 & 13\"", page.One("table.issues tbody tr").Children[7].TextContent);
        Assert.Contains("\"Ann & Co\" <ann@example.gov.uk>", page.One("table.facts").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_for_an_email_client()
    {
        var html = SubmissionReportHtml.Render(Report(Script, Image, Formula));
        var page = Dom.Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("html", page.Doctype?.Name);
        Assert.Empty(page.QuerySelectorAll("link, script"));
        // One style sheet of the product's own (the phone layout), fetching nothing.
        Assert.All(page.QuerySelectorAll("style"), s => Assert.DoesNotMatch("url\\(|@import", s.TextContent));
        Assert.DoesNotContain(page.All, e => e.HasAttribute("src"));
        Assert.DoesNotContain(page.All, e => e.GetAttribute("style")?.Contains("url(", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void The_summary_at_the_top_gives_the_verdict_and_the_counts_and_the_table_has_each_issue_by_row_and_column()
    {
        var page = Page(Report(Script, Image));

        var summary = page.One("h1");
        Assert.Equal("Loaded, but 2 rows rejected: housing-q1.xlsx", summary.Words());
        Assert.True(summary.CompareDocumentPosition(page.One("h2")).HasFlag(DocumentPositions.Following));
        Assert.Equal("Issues by row and column", page.One("h2").Words());
        Assert.Equal("12 rows read, 10 loaded, 2 rejected; 1 error, 1 warning.", page.One("p.counts").Words());
        Assert.Contains("20 July 2025, 09:55", page.One("table.facts").Words(), StringComparison.Ordinal); // received, UK summer time
        var first = page.One("table.issues tbody tr").Children.Select(td => td.TextContent).ToList();
        Assert.Equal(["8", "Value", "ASH-HOU-01", "2025/26 Q1", "DQ004"], first[1..6]);
    }

    [Fact]
    public void A_very_long_list_is_cut_in_the_page_and_says_how_many_more_there_are()
    {
        var issues = Enumerable.Range(1, SubmissionReportHtml.MaxIssueRows + 20)
            .Select(r => new QualityIssue("DQ004", Severity.Error, "Not a number.", "Return", r, "Value", "x"))
            .ToArray();

        var page = Page(Report(issues) with { IssuesOmitted = 80, Verdict = SubmissionVerdict.Rejected });

        Assert.StartsWith("100 more issues are not listed", page.One("p.omitted").Words(), StringComparison.Ordinal);
        Assert.Equal(1 + 5 + 1 + SubmissionReportHtml.MaxIssueRows, page.QuerySelectorAll("tr").Length); // verdict box, five facts, table header, issues
    }
}
