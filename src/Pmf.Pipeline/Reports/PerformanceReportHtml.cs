using System.Globalization;
using Pmf.Pipeline.Pages;
using Pmf.Pipeline.Pages.Committee;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// A <see cref="PerformanceReport"/> (the quarter's committee report, or the year's annual review) as one
/// self-contained HTML page, rendered by the components in Pages/Committee: styles in the page, trend charts
/// as inline SVG, no scripts and nothing fetched, so it opens offline, reads on a phone and prints to A4 with
/// page numbers. Every piece of text from the warehouse is encoded by the renderer. The summary's counts carry
/// <c>data-priority</c> and <c>data-rag</c> attributes for tools that check them.
/// </summary>
public static class PerformanceReportHtml
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Render(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parameters = new Dictionary<string, object?> { [nameof(CommitteeReportPage.Report)] = report };
        return report.Kind == PerformanceReportKind.Annual
            ? PageRenderer.Render<AnnualReviewPage>(parameters)
            : PageRenderer.Render<CommitteeReportPage>(parameters);
    }

    /// <summary>The report's title, e.g. <c>Quarterly performance report, 2026/27 Q2 (Jul–Sep 2026)</c>.</summary>
    public static string Title(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Period;
        return report.Kind == PerformanceReportKind.Annual
            ? $"Annual performance review, {p.Key} (April {p.Start.Year} to March {p.End.Year})"
            : string.Create(CultureInfo.InvariantCulture, $"Quarterly performance report, {p.Key} ({p.Start:MMM}–{p.End:MMM yyyy})");
    }
}
