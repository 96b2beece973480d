using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// The report as one self-contained HTML page that reads well in an e-mail client: no scripts, no
/// external images, fonts or stylesheets, styles inline on table markup. Every piece of text that
/// came from a sender or a file is HTML-encoded.
/// </summary>
public static class SubmissionReportHtml
{
    /// <summary>Issues listed in the page; the rest are counted, and the CSV has them all.</summary>
    public const int MaxIssueRows = 500;

    private const string Cell = "padding:4px 8px;border:1px solid #c8c8c8;vertical-align:top;text-align:left";

    private static readonly string[] Headings = ["Sheet", "Row", "Column", "Indicator", "Period", "Rule", "Severity", "You entered", "What is wrong and what to do"];

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Render(SubmissionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(4096 + (Math.Min(report.Issues.Count, MaxIssueRows) * 400));
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Encode($"{report.FileName}: {ReportWords.Verdict(report)}")).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;background:#ffffff\">\n");
        Summary(html, report);
        Issues(html, report);
        html.Append("<p style=\"color:#505050;font-size:12px\">Sent by the Performance Management Framework pipeline. Reply to your performance team if anything here looks wrong.</p>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, SubmissionReport r)
    {
        var (background, border) = r.Verdict switch
        {
            SubmissionVerdict.Accepted => ("#e6f4ea", "#00703c"),
            SubmissionVerdict.AcceptedWithWarnings => ("#fff4e0", "#b35900"),
            SubmissionVerdict.Rejected => ("#fde8e8", "#d4351c"),
            _ => ("#eef0f2", "#505a5f"),
        };
        html.Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" cellpadding=\"12\" cellspacing=\"0\" style=\"border-left:6px solid {border};background:{background};margin-bottom:16px\"><tr><td>")
            .Append("<h1 style=\"margin:0 0 8px 0;font-size:20px\">").Append(Encode(ReportWords.Verdict(r))).Append(": ").Append(Encode(r.FileName)).Append("</h1>")
            .Append("<p style=\"margin:0 0 8px 0\">").Append(Encode(ReportWords.Headline(r))).Append("</p>");
        if (!string.IsNullOrWhiteSpace(r.VerdictReason))
        {
            html.Append("<p style=\"margin:0 0 8px 0\"><strong>Reason:</strong> ").Append(Encode(r.VerdictReason)).Append("</p>");
        }

        html.Append("<p style=\"margin:0\">").Append(Encode(ReportWords.Counts(r))).Append("</p></td></tr></table>\n")
            .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin-bottom:16px\">");
        Fact(html, "Submission", r.SubmissionId.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Service", r.ServiceName is null ? r.ServiceCode : $"{r.ServiceName} ({r.ServiceCode})");
        Fact(html, "Sent by", ReportWords.SentBy(r));
        Fact(html, "Received", ReportWords.UkTime(r.ReceivedAt));
        Fact(html, "Processed", ReportWords.UkTime(r.ProcessedAt));
        html.Append("</table>\n");
    }

    private static void Fact(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append("<tr><td style=\"padding:2px 16px 2px 0;color:#505050\">").Append(label).Append("</td><td style=\"padding:2px 0\">").Append(Encode(value)).Append("</td></tr>");
        }
    }

    private static void Issues(StringBuilder html, SubmissionReport r)
    {
        if (r.Issues.Count == 0)
        {
            return;
        }

        html.Append("<h2 style=\"font-size:16px;margin:16px 0 8px 0\">Issues by row and column</h2>\n")
            .Append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:13px\"><thead><tr style=\"background:#f3f2f1\">");
        foreach (var heading in Headings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"{Cell}\">{heading}</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var issue in r.Issues.Take(MaxIssueRows))
        {
            var severity = issue.Severity == Severity.Error ? "color:#d4351c;font-weight:bold" : "color:#b35900";
            html.Append("<tr>");
            Td(html, issue.Sheet);
            Td(html, ReportWords.Row(issue));
            Td(html, issue.Column);
            Td(html, issue.IndicatorCode);
            Td(html, issue.PeriodKey);
            Td(html, issue.RuleId);
            html.Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell};{severity}\">{issue.Severity}</td>");
            Td(html, issue.RawValue, "font-family:Consolas,monospace;white-space:pre-wrap");
            Td(html, issue.Message);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
        var notShown = r.IssuesOmitted + Math.Max(0, r.Issues.Count - MaxIssueRows);
        if (notShown > 0)
        {
            html.Append("<p>").Append(Encode(ReportWords.Omitted(r with { IssuesOmitted = notShown }))).Append(" The attached CSV lists every issue the report holds.</p>\n");
        }
    }

    private static void Td(StringBuilder html, string? text, string? style = null) =>
        html.Append("<td style=\"").Append(Cell).Append(style is null ? "" : ";" + style).Append("\">").Append(Encode(text ?? "")).Append("</td>");

    // Control characters (NUL, BEL, ESC...) become spaces rather than character references to nothing printable.
    private static string Encode(string text) => HtmlEncoder.Default.Encode(SafeText.WithoutControls(text));
}
