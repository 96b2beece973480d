using System.Globalization;
using System.Text;
using MimeKit;
using Pmf.Pipeline.Quality;

using Pmf.Pipeline.Reports;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// The report as an e-mail to the sender, copied to the head of service: a plain-text and an HTML
/// alternative, with the issues attached as CSV. Building it sends nothing.
/// </summary>
public static class SubmissionReportMail
{
    /// <summary>Issues listed in the plain-text body; the HTML and the CSV carry more.</summary>
    public const int MaxTextIssues = 50;

    /// <summary>
    /// Builds the message; a report whose service has no head of service (a folder that is not a
    /// service) goes to <paramref name="performanceTeam"/> instead.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="from">The pipeline's own mailbox.</param>
    /// <param name="performanceTeam">The policy and performance team's address.</param>
    /// <returns>The message, dated when the submission was processed.</returns>
    public static MimeMessage Create(SubmissionReport report, MailboxAddress from, string performanceTeam)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Create(
            report.HeadOfServiceEmail is null ? report with { HeadOfServiceName = "Policy and performance team", HeadOfServiceEmail = performanceTeam } : report,
            from);
    }

    /// <summary>
    /// Builds the message: to the sender when the catalogue holds their address for the service (its head
    /// or director), copied to the head of service; otherwise to the head of service alone, the sender
    /// named in the report. Who claims to have sent a file never chooses where its report goes.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="from">The pipeline's own mailbox.</param>
    /// <returns>The message, dated when the submission was processed.</returns>
    /// <exception cref="InvalidOperationException">Neither the sender nor the head of service has a usable address.</exception>
    public static MimeMessage Create(SubmissionReport report, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(from);
        var sender = report.SenderIsServiceContact ? Mailbox(null, report.Sender) : null;
        var head = Mailbox(report.HeadOfServiceName, report.HeadOfServiceEmail);
        var to = sender ?? head ?? throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture, $"Submission {report.SubmissionId}: neither the sender nor a head of service has an e-mail address to report to."));

        var message = new MimeMessage { Subject = Subject(report), Date = report.ProcessedAt };
        message.From.Add(from);
        message.To.Add(to);
        if (head is not null && !string.Equals(head.Address, to.Address, StringComparison.OrdinalIgnoreCase))
        {
            message.Cc.Add(head);
        }

        var body = new BodyBuilder { TextBody = Text(report), HtmlBody = SubmissionReportHtml.Render(report) };
        if (report.Issues.Count > 0)
        {
            body.Attachments.Add(AttachmentName(report.FileName), SubmissionReportCsv.Render(report), new ContentType("text", "csv") { Charset = "utf-8" });
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// One line, whatever the file was called: line breaks and other control characters become spaces,
    /// and bidirectional controls such as U+202E (which make a name read backwards) are removed.
    /// </summary>
    internal static string Subject(SubmissionReport report) =>
        OneLine($"PMF return {report.FileName}: {SenderReportWords.Verdict(report)}");

    internal static string OneLine(string text) => SafeText.OneLine(text);

    private static MailboxAddress? Mailbox(string? name, string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.AsSpan().IndexOfAny("\r\n") >= 0
            || !MailboxAddress.TryParse(address.Trim(), out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            mailbox.Name = OneLine(name);
        }

        return mailbox;
    }

    private static string AttachmentName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        var safe = new string([.. stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_')]).Trim();
        return (safe.Length == 0 ? "return" : safe) + "-issues.csv";
    }

    private static string Text(SubmissionReport r)
    {
        var text = new StringBuilder();
        text.Append(SenderReportWords.Verdict(r)).Append(": ").AppendLine(OneLine(r.FileName))
            .AppendLine()
            .AppendLine(SenderReportWords.Headline(r))
            .Append("Sent by: ").AppendLine(OneLine(SenderReportWords.SentBy(r)));
        if (!string.IsNullOrWhiteSpace(r.VerdictReason))
        {
            text.Append("Reason: ").AppendLine(r.VerdictReason);
        }

        text.AppendLine(SenderReportWords.Counts(r))
            .Append("Received ").Append(ReportWords.UkTime(r.ReceivedAt)).Append(", processed ").AppendLine(ReportWords.UkTime(r.ProcessedAt));
        if (r.Issues.Count > 0)
        {
            text.AppendLine().AppendLine("Issues (all of them are in the attached CSV):");
            foreach (var issue in r.Issues.Take(MaxTextIssues))
            {
                text.AppendLine(Line(issue));
            }

            var notShown = r.IssuesOmitted + Math.Max(0, r.Issues.Count - MaxTextIssues);
            if (notShown > 0)
            {
                text.AppendLine(SenderReportWords.Omitted(r with { IssuesOmitted = notShown }));
            }
        }

        return text.ToString();
    }

    private static string Line(QualityIssue i)
    {
        var where = i.Row is null ? "Whole file" : $"{i.Sheet} row {SenderReportWords.Row(i)}" + (i.Column is null ? "" : $", {i.Column}");
        var typed = i.RawValue is null ? "" : $" (you entered: {OneLine(i.RawValue)})";
        return $"- {OneLine(where)}: {i.RuleId} {i.Severity}: {OneLine(i.Message)}{typed}";
    }
}
