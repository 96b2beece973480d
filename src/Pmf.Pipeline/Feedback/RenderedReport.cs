using MimeKit;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// One submission's report rendered once for every place it goes: the page and the CSV written beside
/// the file, and the e-mail, written beside it as .eml and sent as that very message.
/// </summary>
/// <param name="Report">The report.</param>
/// <param name="Html">The page (<see cref="SubmissionReportHtml"/>).</param>
/// <param name="Csv">Its issues as CSV (<see cref="SubmissionReportCsv"/>).</param>
/// <param name="Mail">The e-mail (<see cref="SubmissionReportMail"/>); null when nobody has an address to send it to.</param>
/// <param name="MailProblem">Why there is no e-mail, in a sentence; null when there is one.</param>
public sealed record RenderedReport(SubmissionReport Report, BinaryData Html, BinaryData Csv, MimeMessage? Mail, string? MailProblem)
{
    /// <summary>Renders <paramref name="report"/> from <paramref name="from"/>; a file with no service goes to <paramref name="performanceTeam"/>.</summary>
    public static RenderedReport Of(SubmissionReport report, MailboxAddress from, string performanceTeam)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = BinaryData.FromString(SubmissionReportHtml.Render(report));
        var csv = BinaryData.FromBytes(SubmissionReportCsv.Render(report));
        try
        {
            return new RenderedReport(report, html, csv, SubmissionReportMail.Create(report, from, performanceTeam), null);
        }
        catch (InvalidOperationException e)
        {
            // Nobody to send it to: recorded like a failed send, so the performance team sees it in the log.
            return new RenderedReport(report, html, csv, null, e.Message);
        }
    }

    /// <summary>The e-mail as an .eml file's bytes; null when there is none.</summary>
    public BinaryData? Eml()
    {
        if (Mail is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        Mail.WriteTo(buffer);
        return BinaryData.FromBytes(buffer.ToArray());
    }
}
