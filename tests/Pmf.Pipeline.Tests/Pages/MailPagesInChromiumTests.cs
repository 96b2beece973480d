using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Reports;
using Pmf.Pipeline.Tests.Support;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Pages;

/// <summary>
/// The sender's report and the digest as Chromium shows them at desktop and phone width and prints them, kept as
/// artefacts (tests/Pmf.Pipeline.Tests/bin/&lt;configuration&gt;/net10.0/artefacts/pages/) for a person to look at.
/// </summary>
public sealed class MailPagesInChromiumTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static string ArtefactFolder => Path.Combine(AppContext.BaseDirectory, "artefacts", "pages");

    [Fact]
    public async Task The_senders_report_loads_with_no_errors_or_requests_and_shows_hostile_text_as_text()
    {
        // A long sender address, as councils' are, must wrap too.
        var html = SubmissionReportHtml.Render(Report(Script, Image, Formula) with { FileName = "Q1 \"final\" & <v2>.xlsx", Sender = "kerry.lomas@southandvale.example.gov.uk" });

        var rendered = await RenderAsync("senders-report", html);

        Assert.Contains("Loaded, but 2 rows rejected: Q1 \"final\" & <v2>.xlsx", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", rendered.Text, StringComparison.Ordinal);
        Assert.True(rendered.Phone.Overflow <= 0, $"the sender's report is {rendered.Phone.Overflow} px wider than a 390 px phone");
        Assert.Contains("What is wrong and what to do", rendered.Text, StringComparison.Ordinal);
        Assert.True(rendered.Desktop.MinTextPx >= 15, $"the smallest text is {rendered.Desktop.MinTextPx} px");
    }

    [Fact]
    public async Task The_digest_loads_with_no_errors_or_requests_styled_and_with_its_footer()
    {
        var red = new DigestItem(8, FollowUpKind.Red, "ASH-HOU-02", "Households in temporary accommodation", "2026/27 M08", FollowUpStatus.Open, 1,
            new DateOnly(2026, 12, 14), 0, "2 periods", 5m, 30m, RagStatus.Red, "<script>steal()</script> & \"more\"", "Two officers recruited", null);
        var late = red with { FollowUpId = 7, Kind = FollowUpKind.Late, IndicatorCode = "ASH-HOU-01", WorkingDaysOverdue = 5, Commentary = null, RemedialAction = null };
        var digest = new Digest("HOU", "Housing", "Ann Head", "head@example.gov.uk", null, null, new DateTimeOffset(2026, 12, 21, 7, 0, 0, TimeSpan.Zero), [late, red]);
        var message = DigestMail.Create(digest, new AlertOptions())!.Message;

        var rendered = await RenderAsync("digest", message.HtmlBody ?? "");

        Assert.Contains("Overdue returns", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Commentary: <script>steal()</script> & \"more\"", rendered.Text, StringComparison.Ordinal);
        Assert.Contains((message.TextBody ?? "").TrimEnd().Split('\n')[^1], rendered.Text, StringComparison.Ordinal);
        Assert.True(rendered.Phone.Overflow <= 0, $"the digest is {rendered.Phone.Overflow} px wider than a 390 px phone");
        Assert.True(rendered.Desktop.MinTextPx >= 15, $"the smallest text is {rendered.Desktop.MinTextPx} px");
    }

    private async Task<RenderedPage> RenderAsync(string name, string html)
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, name + ".html");
        await File.WriteAllTextAsync(page, html);

        var rendered = await chromium.RenderAsync(page, Path.Combine(ArtefactFolder, name));

        Assert.True(rendered.Ok, "the page did not load");
        Assert.Empty(rendered.Console);
        Assert.Empty(rendered.Requests);
        Assert.Equal(0, rendered.Scripts);
        Assert.Empty(rendered.Desktop.Overlaps);
        Assert.True(PrintedPdf.Read(Path.Combine(ArtefactFolder, name + ".pdf")).Pages.All(p => p.IsA4Portrait), "printed on A4");
        Assert.True(File.Exists(Path.Combine(ArtefactFolder, name + ".png")) && File.Exists(Path.Combine(ArtefactFolder, name + "-phone.png")));
        return rendered;
    }
}
