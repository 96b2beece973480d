using Pmf.Pipeline.Pages;
using Pmf.Pipeline.Pages.SenderReport;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// The report as one self-contained HTML page that reads well in an e-mail client: no scripts, no
/// external images, fonts or stylesheets, styles inline on table markup (Pages/SenderReport). Every piece
/// of text that came from a sender or a file is encoded by the renderer.
/// </summary>
public static class SubmissionReportHtml
{
    /// <summary>Issues listed in the page; the rest are counted, and the CSV has them all.</summary>
    public const int MaxIssueRows = 500;

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Render(SubmissionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PageRenderer.Render<SenderReportPage>(new Dictionary<string, object?>
        {
            [nameof(SenderReportPage.Report)] = report,
            [nameof(SenderReportPage.MaxRows)] = MaxIssueRows,
        });
    }
}
