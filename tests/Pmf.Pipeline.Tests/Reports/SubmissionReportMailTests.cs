using System.Text;
using MimeKit;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class SubmissionReportMailTests
{
    private static readonly MailboxAddress From = new("PMF pipeline", "pmf@ashbyvale-brookmere.gov.uk");

    [Fact]
    public void A_subject_says_rows_were_rejected_when_some_were_and_accepted_with_warnings_when_none_were()
    {
        var someRejected = SubmissionReportMail.Create(Report(Script) with { RowsRejected = 3 }, From);
        var oneRejected = SubmissionReportMail.Create(Report(Script) with { RowsRejected = 1 }, From);
        var noneRejected = SubmissionReportMail.Create(Report(Image) with { RowsRejected = 0, RowsLoaded = 12 }, From);

        Assert.Equal("PMF return housing-q1.xlsx: Loaded, but 3 rows rejected", someRejected.Subject);
        Assert.Equal("PMF return housing-q1.xlsx: Loaded, but 1 row rejected", oneRejected.Subject);
        Assert.Equal("PMF return housing-q1.xlsx: Accepted with warnings", noneRejected.Subject);
        Assert.StartsWith("Loaded, but 3 rows rejected: housing-q1.xlsx", someRejected.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_names_the_file_and_the_verdict_on_one_line_whatever_the_file_was_called()
    {
        var message = SubmissionReportMail.Create(Report(Script) with { FileName = "q1.xlsx\r\nBcc: victim@example.com\n" }, From);

        Assert.Equal("PMF return q1.xlsx  Bcc: victim@example.com : Loaded, but 2 rows rejected", message.Subject);
        Assert.DoesNotContain('\r', message.Subject!);
        Assert.DoesNotContain('\n', message.Subject!);
        Assert.Empty(message.Bcc);
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        Assert.DoesNotContain("\nBcc:", Encoding.UTF8.GetString(raw.ToArray()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void It_goes_to_a_sender_the_catalogue_holds_for_the_service_copied_to_the_head_of_service_dated_when_processed()
    {
        var report = Report(Script) with { DirectorEmail = "officer@ashbyvale-brookmere.gov.uk" };

        var message = SubmissionReportMail.Create(report, From);

        Assert.Equal("officer@ashbyvale-brookmere.gov.uk", Assert.Single(message.To.Mailboxes).Address);
        var cc = Assert.Single(message.Cc.Mailboxes);
        Assert.Equal(("Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk"), (cc.Name, cc.Address));
        Assert.Equal(From, Assert.Single(message.From.Mailboxes));
        Assert.Equal(report.ProcessedAt, message.Date);
    }

    [Theory]
    [InlineData("officer@ashbyvale-brookmere.gov.uk")]
    [InlineData("\"Priya Shah\" <a@evil.example>")]
    [InlineData("Priya Shah <priya.shah@ashbyvale-brookmere.gov.uk.evil.example>")]
    public void A_sender_the_catalogue_does_not_hold_for_the_service_is_named_in_the_report_and_not_written_to(string sender)
    {
        var report = Report(Script) with { Sender = sender };

        var message = SubmissionReportMail.Create(report, From);

        Assert.Equal("priya.shah@ashbyvale-brookmere.gov.uk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
        Assert.Contains($"Sent by: {sender} (not an address the catalogue holds for HOU", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("not an address the catalogue holds for HOU", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_that_is_the_head_of_service_in_other_capitals_gets_the_report_once()
    {
        var message = SubmissionReportMail.Create(Report(Script) with { Sender = "Priya <PRIYA.SHAH@ashbyvale-brookmere.gov.uk>" }, From);

        Assert.Equal("PRIYA.SHAH@ashbyvale-brookmere.gov.uk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
    }

    [Fact]
    public void A_pull_without_a_sender_address_is_reported_to_the_head_of_service()
    {
        var message = SubmissionReportMail.Create(Report(Script) with { Sender = "revenues-db" }, From);

        Assert.Equal("priya.shah@ashbyvale-brookmere.gov.uk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
    }

    [Fact]
    public void Nobody_to_write_to_is_an_error_that_names_the_submission()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SubmissionReportMail.Create(Report(Script) with { Sender = "revenues-db", HeadOfServiceEmail = null }, From));

        Assert.Contains("Submission 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_has_plain_text_and_HTML_alternatives_and_the_issues_attached_as_CSV()
    {
        var message = SubmissionReportMail.Create(Report(Script, Image, Formula), From);

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("DQ004 Error", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("(you entered: <script>alert(1)</script>)", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.Ordinal);
        var csv = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("text/csv", "housing-q1-issues.csv"), (csv.ContentType.MimeType, csv.FileName));
        using var content = new MemoryStream();
        csv.Content!.DecodeTo(content);
        Assert.Equal(SubmissionReportCsv.Render(Report(Script, Image, Formula)), content.ToArray());
    }

    [Fact]
    public void An_accepted_file_without_issues_has_no_attachment()
    {
        var message = SubmissionReportMail.Create(Report() with { Verdict = SubmissionVerdict.Accepted, RowsRejected = 0, Warnings = 0 }, From);

        Assert.Empty(message.Attachments);
        Assert.Contains("every row loaded", message.TextBody, StringComparison.Ordinal);
    }
}
